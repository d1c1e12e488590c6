import { z } from 'zod'
import { method } from './method'

const ref = z.string().min(1).max(100)

/** Who holds the registrar account, as a person found it (where the registrar's API cannot say). */
export interface RegistrarVerdict {
  holder: string
  founderControls: boolean
  by: string
  note: string
  recordedAt: string
}

export const registrarVerdictSchema = z.object({
  engagementId: ref,
  /** The account holder as seen in the registrar's dashboard: an e-mail or account name. */
  holder: z.string().trim().min(1, 'who holds the registrar account?').max(300),
  founderControls: z.boolean(),
  by: z.string().trim().min(1, 'who checked it?').max(200),
  note: z.string().trim().max(2000).default(''),
})

/** A person's verdict on the registrar account, which reg.account falls back to. */
export const registrarMethods = {
  recordRegistrarVerdict: method<typeof registrarVerdictSchema, RegistrarVerdict>(registrarVerdictSchema),
  registrarVerdict: method<z.ZodObject<{ engagementId: typeof ref }>, RegistrarVerdict | null>(z.object({ engagementId: ref })),
}
