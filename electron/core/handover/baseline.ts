import type { Engagement } from '@shared/schemas/engagement'
import { isCloneUrl } from '../secrets/repo-source'
import { observedValues } from './extract'
import type { ResultRow } from './results'

export const BASELINE_FORMAT = 'handover-baseline/1'

export interface BaselineCheck {
  id: string
  target: string
  status: string
  summary: string
  observed: Record<string, string | number | boolean | null>
  finishedAt: string
}

/** The live state at handover: the latest result per check with its key observed values. */
export interface Baseline {
  format: typeof BASELINE_FORMAT
  createdAt: string
  // dkimSelectors, routes, repos: absent in baselines made before checks had these settings.
  // repos: clone URLs only (a path on the consultant's computer means nothing to the founder).
  engagement: Pick<Engagement, 'id' | 'clientName' | 'founderName' | 'founderEmail' | 'domain' | 'stage' | 'vertical' | 'hosts'> &
    Partial<Pick<Engagement, 'dkimSelectors' | 'routes' | 'repos'>>
  checks: BaselineCheck[]
}

/** Build the baseline from the latest results. */
export function buildBaseline(e: Engagement, results: ResultRow[], now: Date): Baseline {
  return {
    format: BASELINE_FORMAT,
    createdAt: now.toISOString(),
    engagement: { id: e.id, clientName: e.clientName, founderName: e.founderName, founderEmail: e.founderEmail, domain: e.domain, stage: e.stage, vertical: e.vertical, hosts: e.hosts, dkimSelectors: e.dkimSelectors, routes: e.routes, repos: (e.repos ?? []).filter(isCloneUrl) },
    checks: results.map((r) => ({ id: r.checkId, target: r.target, status: r.status, summary: r.summary, observed: observedValues(r.details), finishedAt: r.finishedAt })),
  }
}
