import { useEffect, useMemo } from 'react'
import { useActions, useApp } from '../../hooks/useStore'
import { BackToEngagement } from '../../components/BackToEngagement'
import { DnsMap, RedirectMap } from './Maps'
import { LatencyHistogram } from './Latency'
import { dnsPaths, redirectPaths, routeLatencies, sharedTop } from './pictures'
import './results.css'
import { ErrorBanner } from '../../components/ErrorBanner'

/** Pictures of the latest results: the DNS map, the redirect map and route latency histograms. */
export function PicturesScreen({ engagementId }: { engagementId: string }) {
  const e = useApp((s) => s.engagements.items.find((x) => x.id === engagementId))
  const latest = useApp((s) => s.result.latest)
  const { loadLatestResults } = useActions()
  useEffect(() => {
    void loadLatestResults(engagementId)
  }, [engagementId, loadLatestResults])
  const items = latest?.engagementId === engagementId ? latest.items : null
  const pics = useMemo(() => (items ? { dns: dnsPaths(items), redirects: redirectPaths(items), latency: routeLatencies(items) } : null), [items])
  const hint = (check: string) => (
    <p className="muted">
      Nothing to draw yet: run <span className="mono">{check}</span> (in the sprint, or <code>handover audit {e?.domain ?? engagementId}</code>).
    </p>
  )
  return (
    <>
      <BackToEngagement engagementId={engagementId} />
      <div className="page-head">
        <div>
          <h1 id="page-title">Pictures</h1>
          <p className="muted subtitle">Drawn from the latest result of each check.</p>
        </div>
      </div>
      {latest?.error && (
        <ErrorBanner>
          <strong>The results could not be loaded.</strong> {latest.error.message}
        </ErrorBanner>
      )}
      {!pics ? (
        <p className="muted loading" role="status">
          Loading the latest results…
        </p>
      ) : (
        <div className="detail-grid">
          <section className="card span-2" aria-labelledby="h-dnsmap">
            <h2 id="h-dnsmap" className="card-title">DNS map: host → CNAME chain → address</h2>
            {pics.dns.length ? <DnsMap paths={pics.dns} /> : hint('dns.hosts')}
          </section>
          <section className="card span-2" aria-labelledby="h-redirects">
            <h2 id="h-redirects" className="card-title">
              Redirect map {pics.redirects.canonical && <span className="muted small mono">canonical {pics.redirects.canonical}</span>}
            </h2>
            {pics.redirects.paths.length ? <RedirectMap paths={pics.redirects.paths} canonical={pics.redirects.canonical} /> : hint('http.canonical')}
          </section>
          <section className="card span-2" aria-labelledby="h-latency">
            <h2 id="h-latency" className="card-title">
              Latency per route{' '}
              {pics.latency.passMs !== null && <span className="muted small">dashed line: p95 target {pics.latency.passMs} ms</span>}
            </h2>
            {pics.latency.routes.length ? (
              <div className="pic-grid">
                {pics.latency.routes.map((r) => (
                  <LatencyHistogram key={r.url} route={r} passMs={pics.latency.passMs} topMs={sharedTop(pics.latency.routes)} />
                ))}
              </div>
            ) : (
              hint('http.routes')
            )}
          </section>
        </div>
      )}
    </>
  )
}
