import { useEffect, useState, type FormEvent } from 'react'
import { PROBE_CEILING, PROBE_KINDS, type ProbeKind } from '@shared/schemas/probes'
import { useActions, useApp } from '../hooks/useStore'
import type { EndpointDraft } from '../store/probes'
import { endpointFromDraft } from '../store/probeEndpoint'
import { fullDate } from '../lib/format'
import { ErrorBanner } from './ErrorBanner'
import { SmokeFlows } from './SmokeFlows'

const EMPTY: EndpointDraft = { id: '', kind: 'login', url: '', canary: '' }

/**
 * The engagement page's "Probes" card: the endpoints abuse.rate-limit and ai.injection may probe,
 * the smoke flows, and the site owner's consent. Without consent the probes send nothing.
 */
export function ProbesCard({ engagementId, domain }: { engagementId: string; domain: string }) {
  const p = useApp((s) => s.probes)
  const { loadProbes, saveProbeEndpoints, recordProbeConsent, revokeProbeConsent } = useActions()
  const [draft, setDraft] = useState<EndpointDraft>(EMPTY)
  const [draftError, setDraftError] = useState('')
  const [givenBy, setGivenBy] = useState('')
  const [recordedBy, setRecordedBy] = useState('')
  const [maxRequests, setMaxRequests] = useState<number>(PROBE_CEILING.maxRequests)
  const [perSecond, setPerSecond] = useState<number>(PROBE_CEILING.perSecond)
  useEffect(() => void loadProbes(engagementId), [engagementId, loadProbes])
  const st = p.engagementId === engagementId ? p.state : null
  if (!st) return null
  const endpoints = st.settings.endpoints
  const consent = st.consent

  const add = async (ev: FormEvent) => {
    ev.preventDefault()
    const r = endpointFromDraft(draft, endpoints)
    if (!r.ok) return setDraftError(r.message)
    setDraftError('')
    if (await saveProbeEndpoints(engagementId, [...endpoints, r.endpoint])) setDraft(EMPTY)
  }
  const consentSubmit = (ev: FormEvent) => {
    ev.preventDefault()
    void recordProbeConsent(engagementId, { givenBy, recordedBy, maxRequests, perSecond })
  }

  return (
    <section className="card span-2" aria-labelledby="h-probes" data-testid="probes-card">
      <h2 id="h-probes" className="card-title">
        Probes <span className="muted small">rate limits, prompt injection, smoke flows</span>
      </h2>
      {p.error && <ErrorBanner>{p.error.message}</ErrorBanner>}
      <table className="table compact" aria-label="Declared endpoints">
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            <th scope="col">Kind</th>
            <th scope="col">URL</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {endpoints.map((e) => (
            <tr key={e.id}>
              <td className="mono">{e.id}</td>
              <td>{e.kind}</td>
              <td className="mono small">
                {e.method} {e.url}
                {e.canary ? <span className="muted"> · canary planted</span> : null}
              </td>
              <td>
                <button type="button" className="btn btn-ghost" disabled={p.busy} onClick={() => void saveProbeEndpoints(engagementId, endpoints.filter((x) => x.id !== e.id))}>
                  Remove {e.id}
                </button>
              </td>
            </tr>
          ))}
          {!endpoints.length && (
            <tr>
              <td colSpan={4} className="muted">
                No endpoint declared: declare login, signup, reset, invite or AI endpoints to probe.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <form className="vault-form" onSubmit={(ev) => void add(ev)} aria-label="Declare an endpoint">
        <div className="vault-fields">
          <label className="field">
            <span>Name</span>
            <input className="input" value={draft.id} placeholder="login" onChange={(x) => setDraft({ ...draft, id: x.target.value })} />
          </label>
          <label className="field">
            <span>Kind</span>
            <select className="input" value={draft.kind} onChange={(x) => setDraft({ ...draft, kind: x.target.value as ProbeKind })}>
              {PROBE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>URL</span>
            <input className="input" value={draft.url} placeholder="https://app.example.com/api/login" onChange={(x) => setDraft({ ...draft, url: x.target.value })} />
          </label>
          {draft.kind === 'ai' && (
            <label className="field">
              <span>Canary planted in the system prompt</span>
              <input className="input" value={draft.canary} onChange={(x) => setDraft({ ...draft, canary: x.target.value })} />
            </label>
          )}
        </div>
        {draftError && (
          <p className="field-error" role="alert">
            {draftError}
          </p>
        )}
        <div>
          <button type="submit" className="btn" disabled={p.busy}>
            Add endpoint
          </button>
        </div>
      </form>
      <SmokeFlows engagementId={engagementId} domain={domain} flows={st.settings.flows} />
      {consent ? (
        <div role="status" data-testid="probe-consent">
          <p>
            Consent in force: given by <strong>{consent.givenBy}</strong>, recorded by {consent.recordedBy} on {fullDate(consent.recordedAt)} for {consent.endpoints.map((e) => e.id).join(', ')}; at
            most {consent.limits.maxRequests} requests per endpoint, {consent.limits.perSecond} a second.
          </p>
          <button type="button" className="btn btn-danger-ghost" disabled={p.busy} onClick={() => void revokeProbeConsent(engagementId, consent.recordedBy)}>
            Revoke consent
          </button>
        </div>
      ) : (
        <form className="vault-form" onSubmit={consentSubmit} aria-label="Record consent">
          <p className="small muted">No consent recorded: abuse.rate-limit and ai.injection send nothing. Record who agreed, for the endpoints above, with these limits.</p>
          <div className="vault-fields">
            <label className="field">
              <span>Agreed by (site owner)</span>
              <input className="input" required value={givenBy} onChange={(x) => setGivenBy(x.target.value)} />
            </label>
            <label className="field">
              <span>Recorded by</span>
              <input className="input" required value={recordedBy} onChange={(x) => setRecordedBy(x.target.value)} />
            </label>
            <label className="field">
              <span>Requests per endpoint (≤{PROBE_CEILING.maxRequests})</span>
              <input className="input" type="number" min={1} max={PROBE_CEILING.maxRequests} value={maxRequests} onChange={(x) => setMaxRequests(Number(x.target.value))} />
            </label>
            <label className="field">
              <span>Per second (≤{PROBE_CEILING.perSecond})</span>
              <input className="input" type="number" min={1} max={PROBE_CEILING.perSecond} value={perSecond} onChange={(x) => setPerSecond(Number(x.target.value))} />
            </label>
          </div>
          <div>
            <button type="submit" className="btn" disabled={p.busy || !endpoints.length || !givenBy.trim() || !recordedBy.trim()}>
              Record consent
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
