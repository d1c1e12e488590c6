import { SYSTEM_KINDS, type InventoryEntry, type InventoryFields, type SystemKind } from '@shared/contract/handover'
import type { Db } from '../../workspace/db'
import { hasTable, latestResults } from '../results'
import { collectExposures } from '../exposures/collect'
import { factsFromResult, type InventoryFact } from './facts'
import type { InventoryRepo } from './repo'


const PROVIDER_SYSTEM: Record<string, SystemKind> = {
  cloudflare: 'cdn',
  vercel: 'hosting',
  netlify: 'hosting',
  uptimerobot: 'monitoring',
  betterstack: 'monitoring',
  registrar: 'registrar',
  github: 'source-repo',
  stripe: 'payments',
  supabase: 'database',
}

/** The inventory system of a credential provider ('registrar-porkbun' is the registrar). */
const systemOf = (provider: string): SystemKind | undefined => PROVIDER_SYSTEM[provider.toLowerCase()] ?? (provider.startsWith('registrar-') ? 'registrar' : undefined)

function asFacts(v: unknown): InventoryFact[] {
  const list = Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : []
  return list.filter((f): f is InventoryFact => !!f && typeof f === 'object' && SYSTEM_KINDS.includes((f as { system: SystemKind }).system))
}

/**
 * Collect facts from the latest check results, from secrets the checks saw exposed (a provider
 * like AWS gets its own row) and from credential metadata (never secrets).
 */
export function collectFacts(db: Db, engagementId: string, domain = ''): InventoryFact[] {
  const facts: InventoryFact[] = []
  for (const r of latestResults(db, engagementId)) facts.push(...asFacts(r.details.inventory), ...factsFromResult(r, domain))
  for (const x of collectExposures(db, engagementId)) if (x.system === 'custom' && !/^the /.test(x.provider)) facts.push({ system: 'custom', name: x.provider })
  if (hasTable(db, 'credentials')) {
    const creds = db
      .prepare<[string], { provider: string; label: string; identity: string | null; owner: string; rotation_due: string | null; expires_at: string | null }>(
        'SELECT provider, label, identity, owner, rotation_due, expires_at FROM credentials WHERE engagement_id = ? OR engagement_id IS NULL',
      )
      .all(engagementId)
    for (const c of creds) {
      const system = systemOf(c.provider)
      // The next rotation is the nearer of the schedule and the token's own expiry.
      const next = [c.rotation_due, c.expires_at].filter((d): d is string => !!d && /^\d{4}-\d{2}-\d{2}/.test(d)).map((d) => d.slice(0, 10)).sort()[0]
      if (!system) continue
      facts.push({
        system,
        credentialLocation: `API token "${c.label}" in the ${c.owner}'s OS keychain (Handover Console)`,
        ...(c.identity ? { ownerAccount: c.identity } : {}),
        ...(next ? { nextRotation: next } : {}),
      })
    }
  }
  return facts
}

/** Fill empty fields of the matching rows from facts; a person's values are never overwritten. */
export function prefillInventory(db: Db, repo: InventoryRepo, engagementId: string): InventoryEntry[] {
  const domain = db.prepare<[string], { domain: string }>('SELECT domain FROM engagements WHERE id = ?').get(engagementId)?.domain ?? ''
  for (const fact of collectFacts(db, engagementId, domain)) {
    const match = repo.findMatch(engagementId, { system: fact.system, name: fact.name ?? '' }) ?? repo.list(engagementId).find((e) => e.system === fact.system)
    const base: InventoryFields = match ?? { ...emptyFields(fact.system) }
    const merged = mergeEmpty(base, fact)
    if (match && JSON.stringify(merged) === JSON.stringify(pickFields(match))) continue
    try {
      repo.save(engagementId, merged, { id: match?.id, source: match && match.source === 'manual' ? 'manual' : 'evidence' })
    } catch {
      // a fact that does not fit the schema (a malformed URL from a provider) is skipped
    }
  }
  return repo.list(engagementId)
}

function emptyFields(system: SystemKind): InventoryFields {
  return { system, name: '', purpose: '', loginUrl: '', ownerAccount: '', admins: [], twoFactor: 'unknown', recovery: '', credentialLocation: '', rotatedBy: '', nextRotation: '', notes: '' }
}

function pickFields(e: InventoryEntry): InventoryFields {
  const { id: _i, engagementId: _e, source: _s, updatedAt: _u, ...fields } = e
  return fields
}

function mergeEmpty(base: InventoryFields, fact: InventoryFact): InventoryFields {
  const out = { ...pickFieldsLoose(base) }
  for (const [k, v] of Object.entries(fact) as [keyof InventoryFields, unknown][]) {
    if (k === 'system' || v === undefined || v === null) continue
    const cur = out[k]
    const empty = cur === '' || cur === 'unknown' || (Array.isArray(cur) && cur.length === 0)
    if (empty) (out as Record<string, unknown>)[k] = v
  }
  return out
}

function pickFieldsLoose(f: InventoryFields): InventoryFields {
  return { ...emptyFields(f.system), ...Object.fromEntries(Object.entries(f).filter(([k]) => k in emptyFields(f.system))) } as InventoryFields
}
