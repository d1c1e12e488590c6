import type { BaselineCheck } from '../baseline'
import { normaliseObserved } from './normalise'
import { headline, hostLabel } from './words'
import { speedShift } from './latency'

/** What a change means for the business: worse, better, or worth knowing. */
export type DriftVerdict = 'regression' | 'improvement' | 'neutral'

/** One raw difference inside a check's result. */
export interface DriftChange {
  /** status: the verdict changed; value: an observed value changed; missing: the check no longer ran. */
  kind: 'status' | 'value' | 'missing'
  before: string
  after: string
  /** For value changes: the dotted path inside the check's details. */
  path?: string
}

/** One check on one target that changed since handover, classified and worded for a founder. */
export interface DriftFinding {
  checkId: string
  target: string
  verdict: DriftVerdict
  /** One sentence a founder can act on ("www no longer redirects to HTTPS"). */
  headline: string
  statusBefore: string
  statusAfter: string
  changes: DriftChange[]
}

/** A check's state now, as the drift run saw it. */
export interface CheckNow {
  status: string
  summary: string
  observed: BaselineCheck['observed']
  /** The result's full details (for wording: days left, addresses). */
  details: Record<string, unknown>
}

const MAX_VALUE_CHANGES = 20
// skip is "not applicable" and ranks with pass; error (could not check) is worse than a warning.
const RANK: Record<string, number> = { pass: 0, skip: 0, warn: 1, error: 2, fail: 3 }
const rank = (s: string) => RANK[s] ?? 2

/** Observed paths whose change is itself a regression (the record a visitor is sent to moved). */
const WATCHED: Record<string, RegExp> = {
  'dns.hosts': /^(addresses|cnames)\[\d+\]$/,
  'http.https': /^location$/,
}

/** Certificate details that change on every renewal by the same issuer for the same names. */
const RENEWAL = /^(validTo|validFrom|serial|fingerprint\w*|names\[\d+\])$/

function valueChanges(before: BaselineCheck['observed'], after: BaselineCheck['observed']): DriftChange[] {
  const out: DriftChange[] = []
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
  for (const k of keys) {
    const a = before[k]
    const b = after[k]
    if (JSON.stringify(a) === JSON.stringify(b)) continue
    // derived bands (e.g. routes[0].speed) are absent from baselines made before they existed
    if (k.endsWith('.speed') && (a === undefined || b === undefined)) continue
    if (out.length >= MAX_VALUE_CHANGES) break
    out.push({ kind: 'value', path: k, before: a === undefined ? '(absent)' : String(a), after: b === undefined ? '(absent)' : String(b) })
  }
  return out
}

/** A renewed certificate (same issuer, still matching, names unchanged where recorded) is one neutral fact. */
function renewal(checkId: string, before: BaselineCheck['observed'], changes: DriftChange[]): boolean {
  if (checkId !== 'tls.cert' || !changes.length) return false
  if (!changes.every((c) => RENEWAL.test(c.path ?? ''))) return false
  return before.issuer !== undefined && !changes.some((c) => c.path?.startsWith('names[') && c.before !== '(absent)')
}

/** Compare one check's baseline with its state now: null when nothing that matters changed. */
export function classify(before: BaselineCheck, now: CheckNow | undefined, domain?: string): DriftFinding | null {
  const base = { checkId: before.id, target: before.target, statusBefore: before.status }
  if (!now) {
    const changes: DriftChange[] = [{ kind: 'missing', before: `${before.status}: ${before.summary}`, after: 'not run' }]
    return { ...base, statusAfter: 'not run', verdict: 'neutral', headline: headline(before, now, 'missing', [], domain), changes }
  }
  // Not applicable then and now: nothing was observed either time, whatever its details say.
  if (before.status === 'skip' && now.status === 'skip') return null
  // Ran at handover, not applicable here (no consent for a probe, no credential on this machine):
  // not checked this time, which is neither better nor worse.
  if (now.status === 'skip') {
    const changes: DriftChange[] = [{ kind: 'status', before: `${before.status}: ${before.summary}`, after: `skip: ${now.summary}` }]
    return { ...base, statusAfter: 'skip', verdict: 'neutral', headline: `${headline(before, now, 'missing', [], domain)} ${now.summary}`, changes }
  }
  const values = valueChanges(normaliseObserved(before.id, before.observed), normaliseObserved(before.id, now.observed))
  const statusChanged = now.status !== before.status
  if (!statusChanged && !values.length) return null
  const changes: DriftChange[] = statusChanged ? [{ kind: 'status', before: `${before.status}: ${before.summary}`, after: `${now.status}: ${now.summary}` }, ...values] : values
  const finding = (verdict: DriftVerdict, why: Parameters<typeof headline>[2]): DriftFinding => ({ ...base, statusAfter: now.status, verdict, headline: headline(before, now, why, values, domain), changes })
  // http.routes: latency in bands, with room for jitter, whatever the verdict's hard edges say
  const speed = before.id === 'http.routes' ? speedShift(values, now.details) : null
  if (speed !== null) return speed ? finding(speed > 0 ? 'regression' : 'improvement', speed > 0 ? 'worse' : 'better') : finding('neutral', 'jitter')
  if (statusChanged && rank(now.status) > rank(before.status)) return finding('regression', 'worse')
  if (statusChanged && rank(now.status) < rank(before.status)) return finding('improvement', 'better')
  if (renewal(before.id, before.observed, values)) return finding('neutral', 'renewed')
  const watched = WATCHED[before.id]
  if (watched && values.some((c) => watched.test(c.path ?? ''))) return finding('regression', 'moved')
  return finding('neutral', 'details')
}

/**
 * A host that is a CNAME to another declared host moves when that host moves: one regression
 * for the cause, the follower becomes a neutral fact ("www follows acme.example").
 */
export function foldCnameFollowers(findings: DriftFinding[], baseline: BaselineCheck[], domain?: string): DriftFinding[] {
  const moved = new Set(findings.filter((f) => f.checkId === 'dns.hosts' && f.verdict === 'regression').map((f) => f.target))
  return findings.map((f) => {
    if (f.checkId !== 'dns.hosts' || f.verdict !== 'regression' || f.statusAfter !== f.statusBefore || f.changes.some((c) => c.path?.startsWith('cnames['))) return f
    const b = baseline.find((x) => x.id === 'dns.hosts' && x.target === f.target)
    const target = Object.entries(b?.observed ?? {}).find(([k]) => k.startsWith('cnames['))?.[1]
    if (typeof target !== 'string' || !moved.has(target.replace(/\.$/, '')) || target.replace(/\.$/, '') === f.target) return f
    return { ...f, verdict: 'neutral', headline: `${hostLabel(f.target, domain)} follows ${target.replace(/\.$/, '')} (a CNAME), which moved: see above.` }
  })
}
