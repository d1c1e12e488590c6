import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react'
import { Field } from '../../components/Field'
import { useActions, useApp } from '../../hooks/useStore'
import { isDirty, type NetworkDraft } from '../../store/settings'
import { EffectiveProfile } from './EffectiveProfile'
import { NetworkTest } from './NetworkTest'
import './settings.css'
import { ErrorBanner } from '../../components/ErrorBanner'
import { sentence } from '../../lib/formErrors'

const TIMEOUTS: { key: keyof NetworkDraft; label: string; hint: string }[] = [
  { key: 'dnsS', label: 'DNS answer', hint: 'per question and server' },
  { key: 'connectS', label: 'Connect', hint: 'TCP and TLS handshake' },
  { key: 'requestS', label: 'HTTP request', hint: 'one request, headers and body' },
  { key: 'checkS', label: 'Whole check', hint: 'a check is stopped after this' },
]

/** The network profile checks run with: resolvers or DoH, connect-to preflight rules, politeness limits. */
export function NetworkSettings() {
  const st = useApp((s) => s.settings)
  const { loadSettings, editNetwork, saveNetwork, revertNetwork, resetNetwork } = useActions()
  const [confirmReset, setConfirmReset] = useState(false)
  useEffect(() => {
    void loadSettings()
  }, [loadSettings])
  const d = st.draft
  const dirty = isDirty(st)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void saveNetwork()
  }
  // Ctrl/Cmd+S saves, Ctrl/Cmd+Enter too (Enter alone is a new line in the lists)
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'Enter')) {
      e.preventDefault()
      void saveNetwork()
    }
  }
  const text = (key: keyof NetworkDraft) => ({ value: d?.[key] ?? '', onChange: (e: { target: { value: string } }) => editNetwork({ [key]: e.target.value }) })

  return (
    <section className="card span-2" aria-labelledby="h-network" data-testid="network-settings">
      <h2 id="h-network" className="card-title">Network</h2>
      {st.error && (
        <ErrorBanner>{st.error.message}</ErrorBanner>
      )}
      {!d || !st.info ? (
        !st.error && (
          <p className="muted small" role="status">
            Loading the network settings…
          </p>
        )
      ) : (
        <>
          {st.info.base === 'sandbox' && (
            <p className="banner banner-info small" data-testid="sandbox-base">
              This console runs against a sandbox (<code>serve --lab</code>): its resolver and routing sit under these settings. Your own resolvers
              replace the sandbox&apos;s; your connect-to rules are tried first.
            </p>
          )}
          <form className="settings-form" onSubmit={submit} onKeyDown={onKeyDown} aria-describedby="network-saved" noValidate>
            <fieldset className="settings-group">
              <legend>DNS</legend>
              <Field id="net-resolvers" label="Recursive resolvers" optional hint="One IP address per line, with an optional port (192.0.2.53, [2001:db8::53]:5353). Empty: the system's resolvers." error={st.errors.resolvers}>
                {(aria) => <textarea {...aria} className="input mono" rows={3} spellCheck={false} {...text('resolvers')} />}
              </Field>
              <Field id="net-doh" label="DNS-over-HTTPS endpoint" optional hint="An https:// URL (RFC 8484), used instead of resolvers." error={st.errors.doh}>
                {(aria) => <input {...aria} className="input mono" type="url" spellCheck={false} placeholder="https://dns.example/dns-query" {...text('doh')} />}
              </Field>
            </fieldset>
            <fieldset className="settings-group">
              <legend>Connect-to preflight rules</legend>
              <Field
                id="net-connect-to"
                label="Rules"
                optional
                hint="HOST1:PORT1:HOST2:PORT2 per line, like curl --connect-to: checks of HOST1:PORT1 connect to HOST2:PORT2 while keeping the name for TLS and Host. Test a new origin before the DNS cutover. An empty part matches any host or port; the first matching rule wins."
                error={st.errors.connectTo}
              >
                {(aria) => <textarea {...aria} className="input mono" rows={4} spellCheck={false} placeholder="www.example.com:443:203.0.113.10:443" {...text('connectTo')} />}
              </Field>
            </fieldset>
            <fieldset className="settings-group">
              <legend>Politeness and timeouts</legend>
              <div className="settings-numbers">
                <Field id="net-per-host" label="Connections per host" hint="At most this many at once to one server (1–16)." error={st.errors.perHostConcurrency}>
                  {(aria) => <input {...aria} className="input" type="number" inputMode="numeric" min={1} max={16} step={1} {...text('perHostConcurrency')} />}
                </Field>
              </div>
              <p className="settings-caption" id="timeouts-caption">
                Timeouts, in seconds
              </p>
              <div className="settings-numbers" role="group" aria-labelledby="timeouts-caption">
                {TIMEOUTS.map((t) => (
                  <Field key={t.key} id={`net-${t.key}`} label={t.label} hint={t.hint} error={st.errors[t.key]}>
                    {(aria) => <input {...aria} className="input" type="number" inputMode="decimal" min={0.2} step={0.1} {...text(t.key)} />}
                  </Field>
                ))}
              </div>
            </fieldset>
            {st.errors.form && (
              <p className="field-error" role="alert">
                {sentence(st.errors.form)}
              </p>
            )}
            <div className="page-actions">
              <button type="submit" className="btn btn-primary" disabled={!!st.busy || !dirty}>
                {st.busy === 'save' ? 'Saving…' : 'Save network settings'}
              </button>
              <button type="button" className="btn btn-ghost" disabled={!dirty || !!st.busy} onClick={revertNetwork}>
                Discard changes
              </button>
              {st.info.customised && !confirmReset && (
                <button type="button" className="btn btn-ghost" disabled={!!st.busy} onClick={() => setConfirmReset(true)}>
                  Reset to defaults…
                </button>
              )}
              <span id="network-saved" className="small muted" role="status">
                {dirty ? 'Unsaved changes (Ctrl+S saves).' : st.info.updatedAt ? `Saved ${new Date(st.info.updatedAt).toLocaleString()}.` : 'Defaults: nothing saved yet.'}
              </span>
            </div>
            {confirmReset && (
              <div className="banner banner-warn settings-confirm" role="alertdialog" aria-labelledby="reset-q">
                <span id="reset-q">Remove the saved resolvers, rules and limits, and go back to the defaults?</span>
                <button
                  type="button"
                  className="btn btn-danger btn-xs"
                  autoFocus
                  onClick={() => {
                    setConfirmReset(false)
                    void resetNetwork()
                  }}
                >
                  Reset
                </button>
                <button type="button" className="btn btn-ghost btn-xs" onClick={() => setConfirmReset(false)}>
                  Keep them
                </button>
              </div>
            )}
          </form>
          <EffectiveProfile info={st.info} />
          <NetworkTest dirty={dirty} />
        </>
      )}
    </section>
  )
}
