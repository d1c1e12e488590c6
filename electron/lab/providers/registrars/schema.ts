import { z } from 'zod'

/** A contact as a registrar stores it. */
const contactSchema = z.strictObject({ name: z.string().optional(), organization: z.string().optional(), email: z.string().optional() })

/** One domain in a sandbox registrar account (every field optional: a tidy default). */
export const registrarDomainSchema = z.strictObject({
  /** Defaults to the scenario's primary domain. */
  name: z.string().min(1).optional(),
  autoRenew: z.boolean().default(true),
  locked: z.boolean().default(true),
  /** Days until expiry (negative: expired). */
  expiresInDays: z.number().int().default(400),
  registeredDaysAgo: z.number().int().min(0).default(900),
  /** Default: the Cloudflare zone's nameservers, else ns1/ns2 of the domain. */
  nameservers: z.array(z.string()).optional(),
  privacy: z.boolean().default(true),
  dnssec: z.boolean().default(false),
  /** Contacts by role (registrant, admin, tech, billing); absent roles copy the registrant. */
  contacts: z.partialRecord(z.enum(['registrant', 'admin', 'tech', 'billing']), contactSchema).default({}),
})

/** A sandbox registrar account: who holds it, and its domains. */
export const registrarAccountSchema = z.strictObject({
  /** The account's user name (Namecheap's ApiUser/UserName, Gandi's username). */
  user: z.string().regex(/^[A-Za-z0-9_.-]{2,40}$/, 'a user name of letters, digits, dots, dashes').default('labuser'),
  /** The account holder's e-mail (where the API tells it). */
  email: z.string().min(3).default('founder@example.com'),
  /** Gandi: the domains sit in an organisation's sharing space with its own name and e-mail. */
  organization: z.strictObject({ name: z.string().min(1), email: z.string().min(3) }).optional(),
  domains: z.array(registrarDomainSchema).default([{}].map((d) => registrarDomainSchema.parse(d))),
})

export type RegistrarAccountSpec = z.output<typeof registrarAccountSchema>
export type RegistrarDomainSpec = z.output<typeof registrarDomainSchema>
