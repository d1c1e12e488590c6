import { z } from 'zod'
import { HOST_ROLES } from '@shared/domain'
import { providersSchema } from '../providers'
import { reposSchema } from '../git'
import { dnsSchema } from './dns-schema'
import { webSchema } from './web-schema'

const hostName = z
  .string()
  .regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'expected a host name like www.example')

/**
 * A lab scenario: the primary domain(s) and declared hosts, DNS zones with several nameservers
 * and the parent's view, web hosts with certificates, provider APIs and git repos, and named
 * `fixes` (partial scenarios applied later). No transforms, so a parsed scenario parses again.
 */
export const scenarioSchema = z.strictObject({
  name: z.string().min(1).max(100),
  description: z.string().optional(),
  domains: z.array(hostName).min(1),
  hosts: z.array(z.strictObject({ name: hostName, role: z.enum(HOST_ROLES) })).default([]),
  /** The founder: `audit --lab` records them on a new engagement (the registrar check compares e-mails). */
  founder: z.strictObject({ name: z.string().min(1).max(200).optional(), email: z.email() }).optional(),
  dns: dnsSchema,
  web: webSchema.default({ hosts: {} }),
  providers: providersSchema.optional(),
  repos: reposSchema.optional(),
  /** Named partial scenarios: maps merge, `records` lists merge by name+type, other lists replace. */
  fixes: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
})

export type Scenario = z.output<typeof scenarioSchema>
export type ScenarioInput = z.input<typeof scenarioSchema>
