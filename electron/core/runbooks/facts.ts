import type { Engagement } from '@shared/schemas/engagement'
import type { InventoryEntry } from '@shared/contract/handover'
import { dnsAnswers } from '../handover/extract'
import { mailView } from '../handover/facts/mail'
import { deployView } from '../handover/facts/operations'
import { InventoryRepo } from '../handover/inventory/repo'
import { hasTable, latestResults, type ResultRow } from '../handover/results'
import type { Workspace } from '../workspace'
import type { PlaceholderValues } from './placeholders'
import { runbookValues, type RunbookFacts } from './values'

const names = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : [])

/**
 * What runbooks can say about this engagement from what is recorded: the access inventory, each
 * host's DNS answers, the nameservers at the parent, the DMARC policy and the rollback target,
 * from the latest results. The handover
 * PDF, the app's guided runbooks and `handover runbook` all fill placeholders from these.
 */
export function runbookFacts(latest: ResultRow[], engagement: Engagement, inventory: Pick<InventoryEntry, 'system' | 'name' | 'loginUrl' | 'ownerAccount'>[]): RunbookFacts {
  const delegation = latest.find((r) => r.checkId === 'dns.delegation' && r.target === engagement.domain)
  const mail = mailView(latest)
  const deploy = deployView(latest)
  return {
    inventory,
    dns: engagement.hosts.map((h) => ({ host: h.name, answers: dnsAnswers(latest.find((r) => r.checkId === 'dns.hosts' && r.target === h.name)) })),
    nameservers: names(delegation?.details.parentNs),
    dmarc: mail.dmarc ? { policy: mail.dmarc.policy, reports: mail.dmarc.reports } : null,
    deploy: deploy ? { provider: deploy.provider, rollbackTarget: deploy.rollbackTarget, current: deploy.current } : null,
  }
}

/** Placeholder values for an engagement's runbooks, read from the workspace. */
export function runbookValuesFor(ws: Workspace, engagement: Engagement): PlaceholderValues {
  const inventory = hasTable(ws.db, 'inventory_entries') ? new InventoryRepo(ws.db).list(engagement.id) : []
  return runbookValues(runbookFacts(latestResults(ws.db, engagement.id), engagement, inventory))
}
