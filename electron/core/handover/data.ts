import { domainToUnicode } from 'node:url'
import type { Engagement } from '@shared/schemas/engagement'
import type { InventoryEntry } from '@shared/contract/handover'
import type { Exposure } from '@shared/contract/exposures'
import type { Workspace } from '../workspace'
import type { Runbook } from '@shared/schemas/runbook'
import { loadRunbooks } from '../runbooks/catalog'
import { fillRunbook } from '../runbooks/render'
import { runbookValues } from '../runbooks/values'
import { runbookFacts } from '../runbooks/facts'
import { redactDeep } from '../vault/redact'
import { verifyChain } from '../evidence/coverage'
import { getCheck } from '../checks/registry'
import { collectExposures } from './exposures/collect'
import { hasTable, latestResults, type ResultRow } from './results'
import { dnsMap, type DnsName } from './facts/dns-map'
import { guideFacts, type GuideFacts } from './facts/guide'
import { fixedFindings } from './facts/history'
import { mailView } from './facts/mail'
import { attachmentViews, manualViews, type AttachmentView, type ManualView } from './facts/manual'
import { certificates, deployView, domainView, envRows, monitoringView, type CertView, type DomainView, type EnvRow, type MonitoringView } from './facts/operations'
import { handoverPlan, itemViews } from './facts/plan'
import { redirectMap, type RedirectEntry } from './facts/redirects'
import { probesView, type ProbesView } from './facts/probes'
import type { FixedView, ItemView, SprintView, Verdict } from './facts/types'
import { verdictOf } from './facts/verdict'

/** The consultant who signs, as their identity holds them (never the OS user). */
export interface Signer {
  name: string
  email: string
  organisation: string
  website: string
  fingerprint: string
  certFingerprint: string | null
}

/** A latest check result as the handover prints it: its title, the item it belongs to, and whether that item is waived. */
export type ResultView = ResultRow & { title: string; itemId: string | null; waived: boolean }

/** Everything the PDF and the bundle files are built from, gathered once, secrets masked. */
export interface HandoverData {
  engagement: Engagement
  domainUnicode: string
  generatedAt: string
  signer: Signer
  sprint: SprintView | null
  verdict: Verdict
  /** Every plan item in impact order: open risks in fix order, then passing, then waived. */
  items: ItemView[]
  /** Latest results, worst first and in the order of the items they belong to. */
  results: ResultView[]
  fixed: FixedView[]
  exposures: Exposure[]
  manual: ManualView[]
  attachments: AttachmentView[]
  inventory: InventoryEntry[]
  dns: DnsName[]
  redirects: RedirectEntry[]
  env: EnvRow[]
  monitoring: MonitoringView
  certificates: CertView[]
  domain: DomainView | null
  guide: GuideFacts
  /** The probes' consent and what abuse.rate-limit, ai.injection, obs.error-tracking and http.smoke found. */
  probes: ProbesView
  /** Every bundled runbook, filled in for this engagement. */
  runbooks: Runbook[]
  evidence: { id: number; seq: number; kind: string; label: string; checkId: string | null; target: string | null; status: string | null; createdAt: string; hash: string; prevHash: string; data: unknown }[]
  chain: { ok: boolean; count: number; head: string | null; reason?: string }
}

const WORST: Record<string, number> = { fail: 0, error: 1, warn: 2, skip: 3, pass: 4 }

/** Latest results ordered by how bad they are, then by their item's place in the impact order. */
function resultViews(latest: readonly ResultRow[], items: readonly ItemView[], checksOf: Map<string, string[]>): ResultView[] {
  const itemOf = new Map<string, string>()
  for (const i of items) for (const c of checksOf.get(i.itemId) ?? []) if (!itemOf.has(c)) itemOf.set(c, i.itemId)
  const pos = new Map(items.map((i, n) => [i.itemId, n]))
  const waived = new Set(items.filter((i) => i.status === 'waived').map((i) => i.itemId))
  return latest
    .map((r) => {
      const itemId = itemOf.get(r.checkId) ?? null
      return { ...r, title: getCheck(r.checkId)?.meta.title ?? r.checkId, itemId, waived: !!itemId && waived.has(itemId) }
    })
    .sort((a, b) => Number(a.waived) - Number(b.waived) || (WORST[a.status] ?? 5) - (WORST[b.status] ?? 5) || (pos.get(a.itemId ?? '') ?? 1e6) - (pos.get(b.itemId ?? '') ?? 1e6))
}

function evidenceOf(ws: Workspace, engagementId: string): HandoverData['evidence'] {
  if (!hasTable(ws.db, 'evidence')) return []
  return ws.db
    .prepare<[string], { id: number }>('SELECT id FROM evidence WHERE engagement_id = ? ORDER BY seq')
    .all(engagementId)
    .map((r) => ws.evidence.get(r.id)!)
    .map((e) => ({ id: e.id, seq: e.seq, kind: e.kind, label: e.label, checkId: e.checkId, target: e.target, status: e.status, createdAt: e.createdAt, hash: e.hash, prevHash: e.prevHash, data: e.data }))
}

/** Gather the handover's content for one engagement from the workspace. */
export function gatherHandover(ws: Workspace, engagement: Engagement, inventory: InventoryEntry[], signer: Signer, now = new Date()): HandoverData {
  const latest = latestResults(ws.db, engagement.id)
  const plan = handoverPlan(ws, engagement, now)
  const items = itemViews(plan.items, plan.risks, latest, inventory)
  const checksOf = new Map(plan.items.map((i) => [i.id, i.checks]))
  const attachments = attachmentViews(ws, engagement.id)
  const exposures = collectExposures(ws.db, engagement.id)
  const chain = verifyChain(ws.db, ws.evidence, engagement.id)
  const facts = {
    dns: dnsMap(engagement, latest),
    monitoring: monitoringView(latest),
    certificates: certificates(latest, now),
    domain: domainView(latest, now),
  }
  const guide = guideFacts({ engagement, signer, inventory, exposures, mail: mailView(latest), deploy: deployView(latest), ...facts })
  const values = runbookValues(runbookFacts(latest, engagement, inventory))
  const data: HandoverData = {
    engagement,
    domainUnicode: domainToUnicode(engagement.domain) || engagement.domain,
    generatedAt: now.toISOString(),
    signer,
    sprint: plan.sprint,
    verdict: verdictOf(items),
    items,
    results: resultViews(latest, items, checksOf),
    fixed: fixedFindings(ws.db, engagement.id, latest),
    exposures,
    manual: manualViews(ws, engagement.id, items, attachments),
    attachments,
    inventory,
    ...facts,
    redirects: redirectMap(latest),
    env: envRows(latest),
    guide,
    probes: probesView(ws, engagement.id, latest),
    // Recovery runbooks, and a rotation runbook for each provider whose credential the vault keeps for this engagement.
    runbooks: loadRunbooks()
      .filter((rb) => !rb.provider || vaultProviders(ws, engagement.id).has(rb.provider))
      .map((rb) => fillRunbook(rb, engagement, values)),
    evidence: evidenceOf(ws, engagement.id),
    chain: chain.ok ? { ok: true, count: chain.count, head: chain.count ? chain.head : null } : { ok: false, count: chain.count, head: null, reason: chain.reason },
  }
  // Anything registered as a secret is masked before it reaches a file or the PDF.
  return redactDeep(data)
}

/** Providers of the credentials the vault keeps for an engagement (never the secrets). */
function vaultProviders(ws: Workspace, engagementId: string): Set<string> {
  const has = ws.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'credentials'").get()
  return new Set(has ? (ws.db.prepare('SELECT DISTINCT provider FROM credentials WHERE engagement_id = ?').pluck().all(engagementId) as string[]) : [])
}
