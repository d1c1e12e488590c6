import { canonicalJson } from '../canonical'
import type { StateFacts } from '../facts'
import { itemKey, type ChainState, type Stated } from './fold'

/** The first place where a table and the chain disagree: a sentence naming the row, and the item. */
export interface Disagreement {
  seq: number
  reason: string
}

const short = (id: string | null) => (id ?? '').slice(0, 8)
const show = (v: unknown) => {
  const j = canonicalJson(v ?? null)
  return j.length > 80 ? `${j.slice(0, 77)}…` : j
}
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null)

/**
 * Compare rows with the facts the chain states for them, by key: a row the chain does not state,
 * a field that differs, or a stated fact with no row. Fields are compared as canonical JSON.
 */
function compareKeyed<T>(
  name: (f: T) => string,
  key: (f: T, i: number) => string,
  chain: Map<string, Stated<T>>,
  rows: T[],
  fields: (keyof T)[],
): Disagreement | null {
  const seen = new Set<string>()
  for (const [i, row] of rows.entries()) {
    const k = key(row, i)
    const stated = chain.get(k)
    if (!stated) return { seq: 0, reason: `${name(row)} is not in the evidence chain (the table was written outside the app)` }
    seen.add(k)
    for (const f of fields) {
      if (!same(row[f], stated.fact[f])) {
        return { seq: stated.seq, reason: `${name(row)}: ${String(f)} is ${show(row[f])} in the table but ${show(stated.fact[f])} in evidence item ${stated.seq}` }
      }
    }
  }
  for (const [k, stated] of chain) if (!seen.has(k)) return { seq: stated.seq, reason: `${name(stated.fact)} is in evidence item ${stated.seq} but missing from the table` }
  return null
}

/** Index a list by a key that counts repeats ("…#0", "…#1"), for lists compared in order. */
function ordered<T>(list: Stated<T>[], group: (f: T) => string): Map<string, Stated<T>> {
  const n = new Map<string, number>()
  const out = new Map<string, Stated<T>>()
  for (const s of list) {
    const g = group(s.fact)
    const i = n.get(g) ?? 0
    n.set(g, i + 1)
    out.set(`${g}#${i}`, s)
  }
  return out
}

function orderedKey<T>(rows: T[], group: (f: T) => string): (f: T, i: number) => string {
  const keys = ordered(rows.map((fact) => ({ fact, seq: 0 })), group)
  const byRow = new Map<T, string>()
  for (const [k, s] of keys) byRow.set(s.fact, k)
  return (f) => byRow.get(f)!
}

/** Compare every projection table of an engagement with the chain's state; the first disagreement wins. */
export function compareState(chain: ChainState, tables: StateFacts): Disagreement | null {
  const waiverGroup = (w: StateFacts['waivers'][number]) => itemKey(w.sprintId, w.itemId)
  const attachmentGroup = (a: StateFacts['attachments'][number]) => canonicalJson(a)
  return (
    compareKeyed((s) => `sprint ${short(s.sprintId)}`, (s) => s.sprintId, chain.sprints, tables.sprints, ['templateId', 'startedAt', 'endsAt', 'finishedAt']) ??
    compareKeyed(
      (i) => `sprint item "${i.itemId}" (sprint ${short(i.sprintId)})`,
      (i) => itemKey(i.sprintId, i.itemId),
      chain.items,
      tables.items,
      ['status', 'owner', 'notes', 'fixOrder', 'riskNote', 'updatedAt'],
    ) ??
    compareKeyed(
      (w) => `waiver on "${w.itemId}" (sprint ${short(w.sprintId)}, given ${w.createdAt})`,
      orderedKey(tables.waivers, waiverGroup),
      ordered([...chain.waivers.values()].flat(), waiverGroup),
      tables.waivers,
      ['reason', 'acceptedBy', 'expiresAt', 'createdAt', 'revokedAt'],
    ) ??
    compareKeyed(
      (r) => `inventory row ${short(r.id)} (${r.system}${r.name ? ` ${r.name}` : ''})`,
      (r) => r.id,
      chain.inventory,
      tables.inventory,
      ['system', 'name', 'position', 'fields', 'source', 'updatedAt'],
    ) ??
    compareKeyed(
      (a) => `attachment "${a.name}" of item "${a.itemId}"`,
      orderedKey(tables.attachments, attachmentGroup),
      ordered(chain.attachments, attachmentGroup),
      tables.attachments,
      [],
    ) ??
    compareKeyed(
      (r) => `runbook run ${short(r.id)} (${r.runbookId})`,
      (r) => r.id,
      chain.runs,
      tables.runbookRuns,
      ['runbookId', 'startedAt', 'by', 'currentStep', 'inputs', 'finishedAt'],
    ) ??
    compareKeyed(
      (r) => `rotation of ${r.key} (recorded ${r.createdAt})`,
      orderedKey(tables.rotations ?? [], (r) => r.key),
      ordered(chain.rotations, (r) => r.key),
      tables.rotations ?? [],
      ['rotatedAt', 'by', 'note', 'createdAt'],
    ) ??
    compareKeyed(
      (r) => `rotation of credential "${r.label}" (${r.provider}, recorded ${r.createdAt})`,
      (r) => r.id,
      chain.credentialRotations,
      tables.credentialRotations ?? [],
      ['credentialId', 'provider', 'label', 'rotatedAt', 'by', 'reason', 'status', 'verifiedAt', 'verifyError', 'oldRevokedAt', 'createdAt'],
    ) ??
    compareKeyed(
      (v) => `registrar verdict (recorded ${v.recordedAt})`,
      orderedKey(tables.registrarVerdicts ?? [], () => 'v'),
      ordered(chain.registrarVerdicts, () => 'v'),
      tables.registrarVerdicts ?? [],
      ['holder', 'founderControls', 'by', 'note', 'recordedAt'],
    ) ??
    compareKeyed(
      (c) => `probe consent by ${c.givenBy} (recorded ${c.recordedAt})`,
      (c) => c.id,
      chain.probeConsents,
      tables.probeConsents ?? [],
      ['givenBy', 'recordedBy', 'recordedAt', 'endpoints', 'limits', 'note', 'revokedAt'],
    )
  )
}
