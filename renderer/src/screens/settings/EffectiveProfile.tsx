import type { SettingsInfo } from '@shared/contract/settings'

const secs = (ms: number) => `${Math.round(ms / 100) / 10} s`

/** What checks use right now: the saved settings over the system's network or the sandbox's. */
export function EffectiveProfile({ info }: { info: SettingsInfo }) {
  const e = info.effective
  const t = e.timeouts
  return (
    <div className="settings-effective" data-testid="effective-profile">
      <h3 className="settings-subtitle">What checks use now</h3>
      <dl className="facts">
        <dt>Network</dt>
        <dd>{e.offline ? <span className="st st-error">Offline: network checks end at once</span> : info.base === 'sandbox' ? 'Sandbox on loopback' : 'This computer'}</dd>
        <dt>DNS</dt>
        <dd className="mono">{e.doh ? `DoH ${e.doh}` : e.resolvers.length ? e.resolvers.join(', ') : 'the system resolvers (/etc/resolv.conf)'}</dd>
        <dt>Connect-to</dt>
        <dd>
          {e.connectTo.length === 0 ? (
            'none'
          ) : (
            <details>
              <summary>
                {e.connectTo.length} rule{e.connectTo.length === 1 ? '' : 's'}
                {info.base === 'sandbox' ? ' (yours first, then the sandbox routing)' : ''}
              </summary>
              <ol className="mono small settings-rules">
                {e.connectTo.map((r, i) => (
                  <li key={`${i}-${r}`}>{r}</li>
                ))}
              </ol>
            </details>
          )}
        </dd>
        <dt>Politeness</dt>
        <dd>
          {e.perHostConcurrency} connection{e.perHostConcurrency === 1 ? '' : 's'} per host; timeouts DNS {secs(t.dnsMs)}, connect {secs(t.connectMs)}, request {secs(t.requestMs)}, check {secs(t.checkMs)}
        </dd>
      </dl>
    </div>
  )
}
