import { useRef, useState, type FormEvent } from 'react'
import { MAX_SMOKE_FLOWS, MAX_SMOKE_STEPS, type SmokeFlow } from '@shared/schemas/probes'
import { useActions, useApp } from '../hooks/useStore'
import { useDiscardGuard } from '../hooks/useDiscardGuard'
import { emptyFlow, emptyStep, errorOrder, flowFromDraft, type SmokeFlowDraft, type SmokeFlowErrors, type SmokeStepDraft } from '../store/smokeFlows'
import { Field } from './Field'
import { ErrorBanner } from './ErrorBanner'
import './smoke.css'

/** One line per step: "GET https://…/login → 200 "Sign in"". */
const stepLine = (s: SmokeFlow['steps'][number]) => `${s.method} ${s.url} → ${s.expectStatus}${s.expectText ? ` "${s.expectText}"` : ''}${s.form ? ` (form: ${Object.keys(s.form).join(', ')})` : ''}`

/**
 * The Probes card's smoke flows: what http.smoke walks after every deploy check and on demand.
 * Each flow is listed step by step; "Add a smoke flow" opens a form that reports every problem at
 * once beside its field; removing asks first.
 */
export function SmokeFlows({ engagementId, domain, flows }: { engagementId: string; domain: string; flows: SmokeFlow[] }) {
  const busy = useApp((s) => s.probes.busy)
  const { saveSmokeFlows } = useActions()
  const [draft, setDraft] = useState<SmokeFlowDraft | null>(null)
  const [removing, setRemoving] = useState<string | null>(null)
  const [removeError, setRemoveError] = useState('')
  const addBtn = useRef<HTMLButtonElement>(null)

  const remove = async (name: string) => {
    const r = await saveSmokeFlows(engagementId, flows.filter((f) => f.name !== name), `Smoke flow "${name}" removed`)
    setRemoveError(r.ok ? '' : r.message)
    setRemoving(null)
    addBtn.current?.focus()
  }

  return (
    <div className="smoke-flows" data-testid="smoke-flows">
      <h3 className="card-subtitle">Smoke flows</h3>
      {removeError && <ErrorBanner>{removeError}</ErrorBanner>}
      {flows.length ? (
        <ul className="smoke-list" aria-label="Declared smoke flows">
          {flows.map((f) => (
            <li key={f.name} data-testid="smoke-flow">
              <div className="smoke-head">
                <strong>{f.name}</strong>
                <span className="muted small">
                  {f.steps.length} step{f.steps.length === 1 ? '' : 's'}
                </span>
                {removing === f.name ? (
                  <span className="smoke-confirm" role="group" aria-label={`Remove ${f.name}?`}>
                    <span className="small">Remove this flow?</span>
                    <button type="button" className="btn btn-xs btn-danger-ghost" disabled={busy} onClick={() => void remove(f.name)}>
                      Remove
                    </button>
                    <button type="button" className="btn btn-xs" autoFocus onClick={() => setRemoving(null)}>
                      Keep
                    </button>
                  </span>
                ) : (
                  <button type="button" className="btn btn-ghost btn-xs" disabled={busy} onClick={() => setRemoving(f.name)}>
                    Remove {f.name}
                  </button>
                )}
              </div>
              <ol className="smoke-steps mono small">
                {f.steps.map((s, i) => (
                  <li key={i}>{stepLine(s)}</li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No smoke flow declared: http.smoke walks a flow (sign in, open the dashboard) right after every deploy check, and on demand.</p>
      )}
      {draft ? (
        <FlowForm
          engagementId={engagementId}
          domain={domain}
          flows={flows}
          draft={draft}
          setDraft={setDraft}
          close={() => {
            setDraft(null)
            queueMicrotask(() => addBtn.current?.focus())
          }}
        />
      ) : (
        <button type="button" className="btn" ref={addBtn} disabled={busy || flows.length >= MAX_SMOKE_FLOWS} onClick={() => setDraft(emptyFlow(domain))}>
          Add a smoke flow
        </button>
      )}
    </div>
  )
}

interface FlowFormProps {
  engagementId: string
  domain: string
  flows: SmokeFlow[]
  draft: SmokeFlowDraft
  setDraft(d: SmokeFlowDraft): void
  close(): void
}

function FlowForm({ engagementId, domain, flows, draft, setDraft, close }: FlowFormProps) {
  const busy = useApp((s) => s.probes.busy)
  const { saveSmokeFlows } = useActions()
  const [errors, setErrors] = useState<SmokeFlowErrors>({})
  const formRef = useRef<HTMLFormElement>(null)
  const guard = useDiscardGuard(JSON.stringify(draft) !== JSON.stringify(emptyFlow(domain)), close)
  const setStep = (i: number, p: Partial<SmokeStepDraft>) => setDraft({ ...draft, steps: draft.steps.map((s, j) => (j === i ? { ...s, ...p } : s)) })
  const focusFirst = (e: SmokeFlowErrors) => {
    const first = errorOrder(draft).find((k) => e[k])
    queueMicrotask(() => formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus())
  }

  const submit = async (ev: FormEvent) => {
    ev.preventDefault()
    const r = flowFromDraft(draft, domain, flows)
    if (!r.ok) {
      setErrors(r.errors)
      return focusFirst(r.errors)
    }
    const saved = await saveSmokeFlows(engagementId, [...flows, r.flow], `Smoke flow "${r.flow.name}" saved`)
    if (saved.ok) return close()
    const e = { form: saved.message }
    setErrors(e)
    focusFirst(e)
  }
  const id = (k: string) => `smoke-${k.replace(/\./g, '-')}`

  return (
    <form ref={formRef} className="smoke-form" aria-label="Add a smoke flow" noValidate onSubmit={(ev) => void submit(ev)} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), guard.requestClose())}>
      <Field id={id('name')} label="Flow name" hint="What a person calls it in the results, like “staging sign-in”." error={errors.name}>
        {(aria) => <input {...aria} data-field="name" className="input" value={draft.name} onChange={(x) => setDraft({ ...draft, name: x.target.value })} />}
      </Field>
      {draft.steps.map((s, i) => (
        <fieldset key={i} className="smoke-step">
          <legend>Step {i + 1}</legend>
          <div className="smoke-fields">
            <Field id={id(`steps.${i}.method`)} label="Method">
              {(aria) => (
                <select {...aria} className="input" value={s.method} onChange={(x) => setStep(i, { method: x.target.value as SmokeStepDraft['method'] })}>
                  <option value="GET">GET</option>
                  <option value="POST">POST (form)</option>
                </select>
              )}
            </Field>
            <Field id={id(`steps.${i}.url`)} label="URL" error={errors[`steps.${i}.url`]}>
              {(aria) => <input {...aria} data-field={`steps.${i}.url`} className="input mono" value={s.url} placeholder={`https://staging.${domain}/login`} onChange={(x) => setStep(i, { url: x.target.value })} />}
            </Field>
            <Field id={id(`steps.${i}.expectStatus`)} label="Expected status" error={errors[`steps.${i}.expectStatus`]}>
              {(aria) => <input {...aria} data-field={`steps.${i}.expectStatus`} className="input" inputMode="numeric" value={s.expectStatus} onChange={(x) => setStep(i, { expectStatus: x.target.value })} />}
            </Field>
            <Field id={id(`steps.${i}.expectText`)} label="Expected text" optional hint="The page must contain it." error={errors[`steps.${i}.expectText`]}>
              {(aria) => <input {...aria} data-field={`steps.${i}.expectText`} className="input" value={s.expectText} onChange={(x) => setStep(i, { expectText: x.target.value })} />}
            </Field>
          </div>
          {s.method === 'POST' && (
            <Field id={id(`steps.${i}.form`)} label="Form fields" hint="One name=value per line, posted to a staging or preview host only. Use a staging test account: values are stored as typed." error={errors[`steps.${i}.form`]}>
              {(aria) => <textarea {...aria} data-field={`steps.${i}.form`} className="input mono" rows={3} value={s.form} onChange={(x) => setStep(i, { form: x.target.value })} />}
            </Field>
          )}
          {draft.steps.length > 1 && (
            <button type="button" className="btn btn-ghost btn-xs" onClick={() => setDraft({ ...draft, steps: draft.steps.filter((_, j) => j !== i) })}>
              Remove step {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      {errors.form && (
        <p className="field-error" role="alert" data-field="form" tabIndex={-1}>
          {errors.form}
        </p>
      )}
      {guard.prompt}
      <div className="smoke-actions">
        <button type="button" className="btn btn-ghost" disabled={draft.steps.length >= MAX_SMOKE_STEPS} onClick={() => setDraft({ ...draft, steps: [...draft.steps, emptyStep(draft.steps.at(-1)?.url.replace(/\/[^/]*$/, '/') ?? '')] })}>
          Add a step
        </button>
        <span className="smoke-gap" />
        <button type="button" className="btn" onClick={guard.requestClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save flow'}
        </button>
      </div>
    </form>
  )
}
