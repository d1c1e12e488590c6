import { useEffect } from 'react'
import type { WaitingRunInfo } from '@shared/contract/checks'
import { useActions, useApp } from '../hooks/useStore'
import { fullDate, plural, relativeTime } from '../lib/format'
import './queue.css'

/** One engagement's part of the queue: its waiting runs' pairs, deduplicated, and the oldest run. */
interface Waiting {
  engagementId: string
  domain: string
  since: string
  kind: WaitingRunInfo['kind']
  reasons: string[]
  pending: { checkId: string; target: string }[]
}

function byEngagement(runs: WaitingRunInfo[]): Waiting[] {
  const out = new Map<string, Waiting>()
  for (const r of runs) {
    const w = out.get(r.engagementId) ?? { engagementId: r.engagementId, domain: r.domain, since: r.startedAt, kind: r.kind, reasons: [], pending: [] }
    if (!w.reasons.includes(r.reason)) w.reasons.push(r.reason)
    for (const p of r.pending) if (!w.pending.some((q) => q.checkId === p.checkId && q.target === p.target)) w.pending.push(p)
    out.set(r.engagementId, w)
  }
  return [...out.values()]
}

/**
 * The offline queue, where a person sees it: runs whose network checks could not judge (this
 * computer was offline, or its network's DNS told lies) and wait for a sound network. Shown on
 * the Engagements screen for every engagement, and on an engagement's page for its own; nothing
 * is shown when nothing waits.
 */
export function OfflineQueue({ engagementId }: { engagementId?: string }) {
  const { runs, resuming } = useApp((s) => s.queue)
  const { loadQueue, resumeWaiting, navigate } = useActions()
  useEffect(() => void loadQueue(), [loadQueue])
  const groups = byEngagement((runs ?? []).filter((r) => !engagementId || r.engagementId === engagementId))
  if (!groups.length) return null
  return (
    <section className="card queue-card span-2" aria-labelledby="h-queue" data-testid="offline-queue">
      <h2 id="h-queue" className="card-title">
        Waiting for a sound network <span className="muted small">{plural(groups.reduce((n, g) => n + g.pending.length, 0), 'check')}</span>
      </h2>
      <p className="muted small">
        These checks did not judge: a verdict taken through a broken network would be about the network, not the client. They run again with the next run of the engagement, or now.
      </p>
      <ul className="queue-list">
        {groups.map((g) => (
          <li key={g.engagementId} data-testid="queue-row">
            <div className="queue-head">
              {engagementId ? (
                <strong className="mono">{g.domain}</strong>
              ) : (
                <button type="button" className="linklike mono" onClick={() => navigate({ name: 'engagement', id: g.engagementId })}>
                  {g.domain}
                </button>
              )}
              <span className="small">
                {plural(g.pending.length, 'check')} waiting since <time title={fullDate(g.since)}>{relativeTime(g.since)}</time>
              </span>
              <button type="button" className="btn btn-xs" disabled={resuming.includes(g.engagementId)} onClick={() => void resumeWaiting(g.engagementId)}>
                {resuming.includes(g.engagementId) ? 'Starting…' : `Run them now`}
              </button>
            </div>
            <p className="small queue-reason">{g.reasons.map((r) => (g.kind === 'offline' ? `Offline: ${r}` : `The network could not be trusted: ${r}`)).join('; ')}</p>
            <details>
              <summary className="small">Show the {plural(g.pending.length, 'waiting check')}</summary>
              <ul className="queue-pairs mono small">
                {g.pending.map((p) => (
                  <li key={`${p.checkId} ${p.target}`}>
                    {p.checkId} · {p.target}
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </section>
  )
}
