import { openWorkspace, type Workspace } from '../../electron/core/workspace'
import { CheckStore } from '../../electron/core/checks/persist'
import { SprintService } from '../../electron/core/sprint/service'
import { InventoryRepo } from '../../electron/core/handover/inventory/repo'
import { RunbookRunner } from '../../electron/core/runbooks/runner'
import type { CheckStatus } from '../../electron/core/checks/types'
import { createMemoryStore } from '../../electron/core/vault/memory-store'
import { consultantAnchorSigner } from '../../electron/core/handover/consultant'
import { consultantStore } from './identity'
import type { AnchorSigner } from '../../electron/core/evidence/anchor'

/** The consultant's signing key, in a memory keychain (one per workspace). */
export async function testSigner(ws: Workspace, secrets = createMemoryStore(), name = 'Ada Consultant'): Promise<AnchorSigner> {
  return consultantAnchorSigner(ws.db, await consultantStore(ws, secrets, { name }))
}

/** Save one run of check results through the app's own writer. */
export function saveRun(ws: Workspace, engagementId: string, runId: string, results: { checkId: string; target: string; status: CheckStatus; summary: string; details?: Record<string, unknown> }[]): void {
  const store = new CheckStore(ws.db, ws.evidence)
  const at = new Date().toISOString()
  store.startRun(runId, engagementId, at, results.length)
  store.saveBatch(
    runId,
    engagementId,
    results.map((r) => ({ checkId: r.checkId, target: r.target, outcome: { status: r.status, summary: r.summary, details: r.details ?? {}, evidence: [{ kind: 'dns.answer', label: 'answer', data: { q: r.target } }] }, durationMs: 7, finishedAt: at })),
  )
  store.finishRun(runId, at, false)
}

/**
 * A workspace where every kind of chained fact exists, written by the app's own services:
 * two runs of results (a fail fixed, a fail left), a sprint with item states, a manual verdict
 * with an attachment, a waiver revoked and another given, inventory rows added, changed and
 * removed, and a runbook run moved one step.
 */
export function chainedWorkspace(dir: string, domain = 'chain.example'): { ws: Workspace; id: string } {
  const ws = openWorkspace(dir)
  const e = ws.engagements.create({ domain, hosts: ['www', 'app'], clientName: 'Chain Co' } as never)
  saveRun(ws, e.id, 'run-1', [
    { checkId: 'http.https', target: `www.${domain}`, status: 'fail', summary: 'plain HTTP serves content' },
    { checkId: 'mail.dmarc', target: domain, status: 'fail', summary: 'no DMARC record' },
  ])
  saveRun(ws, e.id, 'run-2', [
    { checkId: 'http.https', target: `www.${domain}`, status: 'pass', summary: 'redirects with 301', details: { chain: [{ status: 301 }] } },
    { checkId: 'tls.cert', target: `app.${domain}`, status: 'fail', summary: 'certificate expired', details: { daysLeft: -3 } },
  ])
  const sprints = new SprintService(ws)
  sprints.start(e.id)
  sprints.setItem(e.id, 'dnssec', { owner: 'Ada', notes: 'registrar has no DS support', fixOrder: 2 })
  sprints.verdict(e.id, 'alert-drill', { verdict: 'pass', note: 'SMS arrived', attachments: [{ name: 'sms.png', bytes: new Uint8Array([1, 2, 3, 4]) }] })
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString()
  sprints.waive(e.id, 'dnssec', { reason: 'Registrar has no DS support', acceptedBy: 'Founder', expiresAt: inAMonth })
  sprints.revokeWaiver(e.id, 'dnssec')
  sprints.waive(e.id, 'dnssec', { reason: 'Moving registrar next month', acceptedBy: 'Founder', expiresAt: inAMonth })
  const inventory = new InventoryRepo(ws.db)
  const rows = inventory.list(e.id)
  inventory.save(e.id, { ...rows[0], ownerAccount: 'founder@chain.example' } as never, { id: rows[0].id })
  inventory.remove(rows[1].id)
  inventory.save(e.id, { system: 'custom', name: 'Status page' } as never)
  const runs = new RunbookRunner(ws)
  const run = runs.start(e.id, 'dns-broke-site', 'Ada')
  runs.done(run.id, 'stop-changes', { inputs: { last_change: 'MX edited at 10:00' } })
  return { ws, id: e.id }
}
