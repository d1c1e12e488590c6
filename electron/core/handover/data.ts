import { domainToUnicode } from 'node:url'
import type { Engagement } from '@shared/schemas/engagement'
import type { InventoryEntry } from '@shared/contract/handover'
import type { Workspace } from '../workspace'
import type { Runbook } from '@shared/schemas/runbook'
import { loadRunbooks } from '../runbooks/catalog'
import { fillRunbook } from '../runbooks/render'
import { runbookValues } from '../runbooks/values'
import { runbookFacts } from '../runbooks/facts'
import { redactDeep } from '../vault/redact'
import { verifyChain } from '../evidence/coverage'
import { getCheck } from '../checks/registry'
import { dnsAnswers, envInventory, monitors, redirectChains } from './extract'
import { fixedBlockers, hasTable, latestResults, type ResultRow } from './results'

/** The consultant who signs, as their identity holds them (never the OS user). */
export interface Signer {
  name: string
  email: string
  organisation: string
  website: string
  fingerprint: string
  certFingerprint: string | null
}

export interface RiskItem {
  checkId: string
  title: string
  target: string
  status: string
  summary: string
  fix: string
}

/** Everything the PDF and the bundle files are built from, gathered once, secrets masked. */
export interface HandoverData {
  engagement: Engagement
  domainUnicode: string
  generatedAt: string
  signer: Signer
  sprint: { startedAt: string; endsAt: string; finishedAt: string | null; templateId: string } | null
  results: (ResultRow & { title: string })[]
  fixed: ResultRow[]
  risks: RiskItem[]
  waivers: { itemId: string; reason: string; acceptedBy: string; expiresAt: string }[]
  riskNotes: { itemId: string; note: string }[]
  inventory: InventoryEntry[]
  dns: { host: string; role: string; status: string; summary: string; answers: string[] }[]
  redirects: { from: string; steps: string[] }[]
  redirectSummaries: { checkId: string; target: string; status: string; summary: string }[]
  env: { name: string; environments: string[] }[]
  monitoring: { monitors: { name: string; url: string }[]; contacts: string[]; summary: string | null }
  /** Every bundled runbook, filled in for this engagement. */
  runbooks: Runbook[]
  evidence: { id: number; seq: number; kind: string; label: string; checkId: string | null; target: string | null; status: string | null; createdAt: string; hash: string; prevHash: string; data: unknown }[]
  chain: { ok: boolean; count: number; head: string | null; reason?: string }
}

function sprintInfo(ws: Workspace, engagementId: string): Pick<HandoverData, 'sprint' | 'waivers' | 'riskNotes'> {
  if (!hasTable(ws.db, 'sprints')) return { sprint: null, waivers: [], riskNotes: [] }
  const s = ws.db
    .prepare<[string], { id: string; started_at: string; ends_at: string; finished_at: string | null; template_id: string }>(
      'SELECT * FROM sprints WHERE engagement_id = ? ORDER BY started_at DESC LIMIT 1',
    )
    .get(engagementId)
  if (!s) return { sprint: null, waivers: [], riskNotes: [] }
  const waivers = ws.db
    .prepare<[string], { item_id: string; reason: string; accepted_by: string; expires_at: string }>(
      'SELECT item_id, reason, accepted_by, expires_at FROM waivers WHERE sprint_id = ? AND revoked_at IS NULL ORDER BY id',
    )
    .all(s.id)
    .map((w) => ({ itemId: w.item_id, reason: w.reason, acceptedBy: w.accepted_by, expiresAt: w.expires_at }))
  const riskNotes = ws.db
    .prepare<[string], { item_id: string; risk_note: string }>("SELECT item_id, risk_note FROM sprint_items WHERE sprint_id = ? AND risk_note != '' ORDER BY item_id")
    .all(s.id)
    .map((r) => ({ itemId: r.item_id, note: r.risk_note }))
  return { sprint: { startedAt: s.started_at, endsAt: s.ends_at, finishedAt: s.finished_at, templateId: s.template_id }, waivers, riskNotes }
}

/** Gather the handover's content for one engagement from the workspace. */
export function gatherHandover(ws: Workspace, engagement: Engagement, inventory: InventoryEntry[], signer: Signer, now = new Date()): HandoverData {
  const latest = latestResults(ws.db, engagement.id)
  const title = (id: string) => getCheck(id)?.meta.title ?? id
  const sprint = sprintInfo(ws, engagement.id)
  const waived = new Set(sprint.waivers.map((w) => w.itemId))
  const risks: RiskItem[] = latest
    .filter((r) => ['fail', 'error', 'warn'].includes(r.status) && !waived.has(r.checkId) && !waived.has(`${r.checkId}:${r.target}`))
    .map((r) => ({ checkId: r.checkId, title: title(r.checkId), target: r.target, status: r.status, summary: r.summary, fix: getCheck(r.checkId)?.meta.fix ?? '' }))
    .sort((a, b) => rank(a.status) - rank(b.status) || a.checkId.localeCompare(b.checkId))
  const byCheck = (id: string) => latest.filter((r) => r.checkId === id)
  const dnsHost = (name: string) => latest.find((r) => r.checkId === 'dns.hosts' && r.target === name)
  const mon = byCheck('mon.uptime')[0]
  const chain = verifyChain(ws.db, ws.evidence, engagement.id)
  const evidence = hasTable(ws.db, 'evidence')
    ? ws.db
        .prepare<[string], { id: number }>('SELECT id FROM evidence WHERE engagement_id = ? ORDER BY seq')
        .all(engagement.id)
        .map((r) => ws.evidence.get(r.id)!)
        .map((e) => ({ id: e.id, seq: e.seq, kind: e.kind, label: e.label, checkId: e.checkId, target: e.target, status: e.status, createdAt: e.createdAt, hash: e.hash, prevHash: e.prevHash, data: e.data }))
    : []
  const data: HandoverData = {
    engagement,
    domainUnicode: domainToUnicode(engagement.domain) || engagement.domain,
    generatedAt: now.toISOString(),
    signer,
    ...sprint,
    results: latest.map((r) => ({ ...r, title: title(r.checkId) })),
    fixed: fixedBlockers(ws.db, engagement.id, latest),
    risks,
    inventory,
    dns: engagement.hosts.map((h) => {
      const r = dnsHost(h.name)
      return { host: h.name, role: h.role, status: r?.status ?? '', summary: r?.summary ?? 'not checked', answers: dnsAnswers(r) }
    }),
    redirects: [...byCheck('http.canonical'), ...byCheck('http.https')].flatMap((r) => redirectChains(r)).slice(0, 16),
    redirectSummaries: [...byCheck('http.canonical'), ...byCheck('http.https')].map((r) => ({ checkId: r.checkId, target: r.target, status: r.status, summary: r.summary })),
    env: byCheck('host.env').flatMap((r) => envInventory(r)),
    monitoring: { ...monitors(mon), summary: mon?.summary ?? null },
    runbooks: [],
    evidence,
    chain: chain.ok ? { ok: true, count: chain.count, head: chain.count ? chain.head : null } : { ok: false, count: chain.count, head: null, reason: chain.reason },
  }
  const values = runbookValues(runbookFacts(latest, engagement, inventory))
  data.runbooks = loadRunbooks().map((rb) => fillRunbook(rb, engagement, values))
  // Anything registered as a secret is masked before it reaches a file or the PDF.
  return redactDeep(data)
}

function rank(status: string): number {
  return ({ fail: 0, error: 1, warn: 2 } as Record<string, number>)[status] ?? 3
}
