import { getCheck } from '../../checks/registry'
import type { BaselineCheck } from '../baseline'
import type { CheckNow, DriftChange } from './classify'

/** Why a finding exists, which picks its sentence. */
export type FindingReason = 'missing' | 'worse' | 'better' | 'renewed' | 'moved' | 'jitter' | 'details'

const STATUS_WORDS: Record<string, string> = { pass: 'passing', warn: 'needing attention', fail: 'failing', error: 'not checkable', skip: 'not applicable' }
const statusWord = (s: string) => STATUS_WORDS[s] ?? s

/** "app" for app.acme.example, the domain itself for the apex or an engagement-wide check. */
export function hostLabel(target: string, domain?: string): string {
  if (domain && target.endsWith(`.${domain}`)) return target.slice(0, -domain.length - 1)
  return target
}

const title = (id: string) => getCheck(id)?.meta.title ?? id
const values = (changes: DriftChange[], side: 'before' | 'after', pattern: RegExp) =>
  changes
    .filter((c) => pattern.test(c.path ?? '') && c[side] !== '(absent)')
    .map((c) => c[side])
    .join(', ') || 'nothing'

function worse(b: BaselineCheck, now: CheckNow, h: string): string {
  const days = typeof now.details.daysLeft === 'number' ? now.details.daysLeft : null
  if (b.id === 'tls.cert' && days !== null && days < 0) return `The certificate for ${h} has expired: visitors see a security warning.`
  if (b.id === 'tls.cert' && days !== null && /expires in/.test(now.summary)) return `The certificate for ${h} expires in ${days} day${days === 1 ? '' : 's'}.`
  if (b.id === 'http.https' && now.status === 'fail') return `${h} no longer redirects to HTTPS: ${now.summary}`
  if (b.id === 'dns.hosts' && now.status === 'fail') return `${h} no longer resolves: ${now.summary}`
  return `${now.summary} (was ${statusWord(b.status)} at handover)`
}

/** The sentence a founder reads for one finding. */
export function headline(b: BaselineCheck, now: CheckNow | undefined, why: FindingReason, changes: DriftChange[] = [], domain?: string): string {
  const h = hostLabel(b.target, domain)
  if (!now || why === 'missing') return `${title(b.id)} on ${h} was not checked this time (${statusWord(b.status)} at handover).`
  if (why === 'worse') return worse(b, now, h)
  if (why === 'better') return now.status === 'pass' ? `Fixed since handover: ${now.summary}` : `Better since handover: ${now.summary}`
  if (why === 'renewed') {
    const until = typeof now.details.validTo === 'string' ? ` (now valid until ${now.details.validTo.slice(0, 10)})` : ''
    return `The certificate for ${h} was renewed by the same issuer${until}.`
  }
  if (why === 'jitter') return `Key routes are about as fast as at handover (within the allowance for a busy moment): ${now.summary}`
  if (why === 'moved' && b.id === 'dns.hosts') {
    const addr = /^(addresses|cnames)\[\d+\]$/
    return `${h} now points to ${values(changes, 'after', addr)} (at handover: ${values(changes, 'before', addr)}). If nobody meant to change it, check the DNS provider.`
  }
  if (why === 'moved' && b.id === 'http.https') return `${h} now redirects elsewhere: ${now.summary}`
  if (why === 'moved') return `${now.summary} (${title(b.id)}: ${changes.map((c) => `${c.path} ${c.before} → ${c.after}`).join('; ')})`
  const paths = changes.map((c) => c.path).slice(0, 3).join(', ')
  return `${title(b.id)} on ${h}: ${changes.length} detail${changes.length === 1 ? '' : 's'} changed (${paths}${changes.length > 3 ? ', …' : ''}); still ${statusWord(now.status)}.`
}
