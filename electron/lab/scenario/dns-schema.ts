import { z } from 'zod'
import { normalizeData } from '../dns/records'

const LABEL = /^(\*|[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)$/i

/** A DNS name: '@', a relative name, or an absolute one (trailing dot optional). */
export const dnsNameSchema = z
  .string()
  .min(1)
  .max(253)
  .refine((s) => s === '@' || s.replace(/\.$/, '').split('.').every((l) => LABEL.test(l)), 'expected a DNS name (letters, digits, "-", "_", "*" labels)')

/** An IPv4 loopback address: every lab address stays on 127.0.0.0/8. */
export const loopbackIp = z.string().regex(/^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/, 'expected a loopback IPv4 address (127.x.y.z)')

export const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SPF', 'NS', 'SOA', 'CAA', 'PTR', 'DS', 'DNSKEY', 'SRV'] as const

/** One record: `data` is zone-file text or dns-packet's shape; `delete: true` (in a fix) removes name+type. */
export const recordSchema = z
  .strictObject({
    name: dnsNameSchema,
    type: z.enum(RECORD_TYPES),
    ttl: z.number().int().min(0).max(604_800).optional(),
    data: z.unknown().optional(),
    delete: z.boolean().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.delete) return
    if (r.data === undefined || r.data === null) return void ctx.addIssue({ code: 'custom', path: ['data'], message: `expected data for a ${r.type} record` })
    try {
      normalizeData(r.type, r.data)
      if ((r.type === 'A' && !/^\d{1,3}(\.\d{1,3}){3}$/.test(String(r.data))) || (r.type === 'AAAA' && !String(r.data).includes(':'))) throw new Error(`expected an ${r.type === 'A' ? 'IPv4' : 'IPv6'} address, got "${String(r.data)}"`)
    } catch (e) {
      ctx.addIssue({ code: 'custom', path: ['data'], message: (e as Error).message })
    }
  })

export const dnsFaultSchema = z.strictObject({
  name: dnsNameSchema,
  type: z.enum(RECORD_TYPES).optional(),
  exceptTypes: z.array(z.enum(RECORD_TYPES)).optional(),
  kind: z.enum(['timeout', 'servfail', 'refused', 'nxdomain', 'truncate', 'garbage', 'latency', 'no-edns']),
  ms: z.number().int().min(0).max(60_000).optional(),
})

export const nameserverSchema = z.strictObject({
  /** A full host name (never relative to the zone). */
  name: dnsNameSchema,
  /** Distinct 127.x addresses (e.g. 127.0.53.1): the lab maps name and IP at :53 to a real port. */
  ip: loopbackIp,
  /** Records this server serves instead of the zone's (same name+type replaced): servers that disagree. */
  records: z.array(recordSchema).default([]),
  /** Answers REFUSED for the zone: a lame delegation. */
  lame: z.boolean().default(false),
  faults: z.array(dnsFaultSchema).default([]),
})

export const zoneSchema = z.strictObject({
  nameservers: z.array(nameserverSchema).min(1),
  /** signed: DNSKEY + matching DS; broken: DS does not match; no-ds: DNSKEY but no DS at the parent. */
  dnssec: z.enum(['signed', 'unsigned', 'broken', 'no-ds']).default('unsigned'),
  /** What the parent (TLD) says: NS names (default: the zone's) and whether it has glue. */
  parent: z.strictObject({ ns: z.array(dnsNameSchema).optional(), glue: z.boolean().default(true) }).default({ glue: true }),
  soa: z.strictObject({ rname: z.string().optional(), serial: z.number().int().optional(), minimum: z.number().int().optional() }).default({}),
  records: z.array(recordSchema).default([]),
  faults: z.array(dnsFaultSchema).default([]),
})

export const dnsSchema = z.strictObject({
  zones: z.record(dnsNameSchema, zoneSchema),
  /** Servers of the parent zones (TLDs); default one server per TLD at 127.0.54.1. */
  tld: z.strictObject({ nameservers: z.array(z.strictObject({ name: dnsNameSchema, ip: loopbackIp })).min(1) }).optional(),
  /** Faults on every server, the lab resolver included. */
  faults: z.array(dnsFaultSchema).default([]),
  /**
   * Faults of the lab resolver alone (the network's recursive resolver, not the zones' servers):
   * `{ name: '*', kind: nxdomain }` is a resolver that answers NXDOMAIN to every name, as
   * captive portals and filtering resolvers do.
   */
  resolver: z.strictObject({ faults: z.array(dnsFaultSchema).default([]) }).optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
})

export type RecordSpec = z.output<typeof recordSchema>
export type ZoneSpec = z.output<typeof zoneSchema>
export type DnsSpec = z.output<typeof dnsSchema>
