import { z } from 'zod'
import { probeLimitsSchema, probeSettingsSchema, type ProbeConsent, type ProbeSettings } from '../schemas/probes'
import { method } from './method'

const ref = z.string().min(1).max(100)

export const saveProbeSettingsSchema = z.object({ engagementId: ref, settings: probeSettingsSchema })

export const recordProbeConsentSchema = z.object({
  engagementId: ref,
  /** The site owner (or whoever may agree for them) who agreed to the probes. */
  givenBy: z.string().trim().min(1, 'who agreed to the probes?').max(200),
  /** Who records it (the consultant). */
  recordedBy: z.string().trim().min(1, 'who records the consent?').max(200),
  /** Declared endpoint ids the consent covers; all declared endpoints when absent. */
  endpointIds: z.array(z.string().max(40)).max(10).optional(),
  limits: probeLimitsSchema.partial().optional(),
  note: z.string().trim().max(2000).default(''),
})

/** The probe declarations, the active consent and every consent recorded. */
export interface ProbeState {
  settings: ProbeSettings
  consent: ProbeConsent | null
  history: ProbeConsent[]
}

/** Opt-in probes: declare endpoints and smoke flows, record or revoke the site owner's consent (chained). */
export const probeMethods = {
  probeState: method<z.ZodObject<{ engagementId: typeof ref }>, ProbeState>(z.object({ engagementId: ref })),
  saveProbeSettings: method<typeof saveProbeSettingsSchema, ProbeSettings>(saveProbeSettingsSchema),
  recordProbeConsent: method<typeof recordProbeConsentSchema, ProbeConsent>(recordProbeConsentSchema),
  revokeProbeConsent: method<z.ZodObject<{ engagementId: typeof ref; by: z.ZodString }>, ProbeConsent>(z.object({ engagementId: ref, by: z.string().trim().min(1).max(200) })),
}
