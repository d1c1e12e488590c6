import { useEffect, useState, type FormEvent } from 'react'
import { useActions, useApp } from '../../hooks/useStore'
import { doneSteps, stepPosition } from '../../store/runbooks'
import { Icon } from '../../components/Icon'
import { StepOutcome } from './StepOutcome'
import './runbooks.css'
import { ErrorBanner } from '../../components/ErrorBanner'

/** Guided mode: one large, readable step at a time; done, choose or verify moves on. */
export function GuidedRunbook({ engagementId, runId }: { engagementId: string; runId: string }) {
  const rb = useApp((s) => s.runbooks)
  const { openRunbookRun, markStepDone, chooseOption, verifyStep, navigate } = useActions()
  const [note, setNote] = useState('')
  const [inputs, setInputs] = useState<Record<string, string>>({})
  const v = rb.view?.run.id === runId ? rb.view : null
  const stepId = v?.step?.id
  useEffect(() => {
    if (rb.view?.run.id !== runId) void openRunbookRun(runId)
  }, [runId, rb.view, openRunbookRun])
  useEffect(() => {
    // a new step starts with an empty form, and is announced by moving focus to it
    setNote('')
    setInputs({})
    document.getElementById('step-title')?.focus()
  }, [stepId])
  const back = (
    <a
      href={`#/engagements/${engagementId}/runbooks`}
      className="back"
      onClick={(x) => {
        x.preventDefault()
        navigate({ name: 'runbooks', id: engagementId })
      }}
    >
      <Icon name="back" /> Runbooks
    </a>
  )
  if (!v)
    return (
      <>
        {back}
        {rb.error ? (
          <ErrorBanner>{rb.error.message}</ErrorBanner>
        ) : (
          <p className="muted loading" role="status">
            Loading the runbook…
          </p>
        )}
      </>
    )
  const pos = stepPosition(v)
  const done = doneSteps(v.run)
  const s = v.step
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void markStepDone(note, inputs)
  }
  return (
    <>
      {back}
      <div className="page-head">
        <div>
          <h1 id="page-title">{v.runbook.title}</h1>
          <p className="muted subtitle">{s ? `Step ${pos.index + 1} of ${pos.count}` : 'Finished'}</p>
        </div>
      </div>
      <ol className="rb-progress" aria-label="Steps">
        {v.runbook.steps.map((x) => (
          <li key={x.id} className={x.id === s?.id ? 'rb-current' : done.has(x.id) ? 'rb-done' : ''} aria-current={x.id === s?.id ? 'step' : undefined}>
            {done.has(x.id) && x.id !== s?.id && <Icon name="check" />} {x.title}
          </li>
        ))}
      </ol>
      {rb.error && (
        <ErrorBanner>{rb.error.message}</ErrorBanner>
      )}
      {!s ? (
        <section className="card rb-step" aria-labelledby="step-title">
          <h2 id="step-title" tabIndex={-1} className="rb-step-title">
            This runbook is complete
          </h2>
          <p>Every step is recorded in the engagement's evidence. If something breaks later, roll back: {v.runbook.rollback}</p>
        </section>
      ) : (
        <section className="card rb-step" aria-labelledby="step-title" data-testid="runbook-step">
          <h2 id="step-title" tabIndex={-1} className="rb-step-title">
            {s.title}
          </h2>
          {s.do && <p className="rb-do">{s.do}</p>}
          {s.kind === 'decision' ? (
            <fieldset className="rb-options">
              <legend className="rb-do">{s.question}</legend>
              {s.options.map((o, i) => (
                <button key={o.label} type="button" className="btn" disabled={rb.busy} onClick={() => void chooseOption(i)}>
                  {o.label}
                </button>
              ))}
            </fieldset>
          ) : s.kind === 'verify' ? (
            <div>
              {s.checks.length > 0 && (
                <p className="small muted">
                  Checks: <span className="mono">{s.checks.join(', ')}</span>
                </p>
              )}
              {s.credential && <p className="small muted">{s.credential === 'works' ? 'Live check: the new credential works at the provider.' : 'Live check: the replaced credential is dead at the provider.'}</p>}
              <button type="button" className="btn btn-primary" disabled={rb.busy} onClick={() => void verifyStep()}>
                {rb.busy ? 'Verifying…' : 'Verify now'}
              </button>
              {v.outcome && <StepOutcome outcome={v.outcome} engagementId={engagementId} />}
            </div>
          ) : (
            <form onSubmit={submit} className="rb-form">
              {(s.inputs ?? []).map((inp) => (
                <label key={inp.id} className="field">
                  <span>{inp.label}</span>
                  {inp.options ? (
                    <select className="input" value={inputs[inp.id] ?? ''} onChange={(x) => setInputs((m) => ({ ...m, [inp.id]: x.target.value }))}>
                      <option value="">Choose…</option>
                      {inp.options.map((o) => (
                        <option key={o}>{o}</option>
                      ))}
                    </select>
                  ) : (
                    <input className="input" value={inputs[inp.id] ?? ''} onChange={(x) => setInputs((m) => ({ ...m, [inp.id]: x.target.value }))} />
                  )}
                </label>
              ))}
              <label className="field">
                <span>
                  Note <span className="optional">optional</span>
                </span>
                <textarea className="input" rows={2} value={note} onChange={(x) => setNote(x.target.value)} />
              </label>
              <button type="submit" className="btn btn-primary" disabled={rb.busy}>
                <Icon name="check" /> Done, next step
              </button>
            </form>
          )}
        </section>
      )}
    </>
  )
}
