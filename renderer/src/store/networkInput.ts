import { networkSettingsSchema, type NetworkSettings } from '@shared/contract/settings'
import { errorsFromIssues } from './settings'
import type { NetworkDraft, NetworkErrors } from './types/settings'

/* Validates with the contract's schema (zod): the save action loads this module, never the app's first render. */

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

/**
 * Turn the form into the contract's input, validated with the same schema core uses, so
 * mistakes show at once next to their field. Timeouts are typed in seconds.
 */
export function draftToInput(d: NetworkDraft): { input: NetworkSettings } | { errors: NetworkErrors } {
  const num = (s: string) => (s.trim() === '' ? NaN : Number(s))
  const ms = (s: string) => Math.round(num(s) * 1000)
  const raw = {
    resolvers: lines(d.resolvers),
    doh: d.doh.trim(),
    connectTo: lines(d.connectTo),
    perHostConcurrency: num(d.perHostConcurrency),
    timeouts: { dnsMs: ms(d.dnsS), connectMs: ms(d.connectS), requestMs: ms(d.requestS), checkMs: ms(d.checkS) },
  }
  const parsed = networkSettingsSchema.safeParse(raw)
  if (parsed.success) return { input: parsed.data }
  return { errors: errorsFromIssues(parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }))) }
}
