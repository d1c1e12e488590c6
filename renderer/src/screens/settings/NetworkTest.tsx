import { useState, type FormEvent } from 'react'
import { useActions, useApp } from '../../hooks/useStore'
import { sentence } from '../../lib/formErrors'

/** A preflight of the saved settings: resolve a name and open a connection where checks would. */
export function NetworkTest({ dirty }: { dirty: boolean }) {
  const st = useApp((s) => s.settings)
  const firstDomain = useApp((s) => s.engagements.items[0]?.domain ?? '')
  const { testNetwork } = useActions()
  const [name, setName] = useState(firstDomain ? `www.${firstDomain}` : '')
  const [port, setPort] = useState('443')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (name.trim()) void testNetwork(name.trim(), Number(port) || 443)
  }
  const r = st.test
  return (
    <div className="settings-test" aria-labelledby="h-net-test">
      <h3 id="h-net-test" className="settings-subtitle">
        Test the saved settings
      </h3>
      <form className="settings-test-form" onSubmit={submit}>
        <label className="field">
          <span>Host name</span>
          <input className="input mono" value={name} onChange={(e) => setName(e.target.value)} placeholder="www.example.com" spellCheck={false} required />
        </label>
        <label className="field settings-port">
          <span>Port</span>
          <input className="input" type="number" min={1} max={65535} value={port} onChange={(e) => setPort(e.target.value)} />
        </label>
        <button type="submit" className="btn" disabled={st.busy === 'test' || !name.trim()}>
          {st.busy === 'test' ? 'Testing…' : 'Test'}
        </button>
      </form>
      {dirty && <p className="small muted">The test uses the saved settings: save your changes to test them.</p>}
      {st.testError && (
        <p className="field-error" role="alert">
          {sentence(st.testError.message)}
        </p>
      )}
      {r && (
        <dl className="facts" data-testid="network-test" aria-live="polite">
          <dt>DNS</dt>
          <dd>
            <span className={`st st-${r.dns.ok ? 'pass' : 'fail'}`}>{r.dns.ok ? 'Resolved' : 'Failed'}</span>{' '}
            <span className="mono small">{r.dns.ok ? [...r.dns.cnames.map((c) => `${c} →`), r.dns.addresses.join(', ')].join(' ') : r.dns.error}</span>{' '}
            <span className="small muted">
              via {r.dns.via}, {r.dns.ms} ms
            </span>
          </dd>
          <dt>Rule</dt>
          <dd className="mono small">{r.rule ?? 'none applies: connects to the resolved address'}</dd>
          <dt>Connect</dt>
          <dd>
            <span className={`st st-${r.connect.ok ? 'pass' : 'fail'}`}>{r.connect.ok ? 'Reachable' : 'Unreachable'}</span>{' '}
            <span className="mono small">
              {r.connect.host}:{r.connect.port}
            </span>{' '}
            <span className="small muted">{r.connect.ok ? `${r.connect.ms} ms` : r.connect.error}</span>
          </dd>
        </dl>
      )}
    </div>
  )
}
