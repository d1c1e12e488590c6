import { useEffect, useState, type FormEvent } from 'react'
import { useActions, useApp } from '../../hooks/useStore'
import { doneSteps, stepPosition } from '../../store/runbooks'
import { Icon } from '../../components/Icon'
import { StepOutcome } from './StepOutcome'
import './runbooks.css'
import { ErrorBanner } from '../../components/ErrorBanner'
import { runbookPath, stepsTaken } from '@shared/runbook-progress'
import { plural } from '../../lib/format'
import { AbandonDialog } from './AbandonDialog'
import { SkipStep } from './SkipStep'

/** Guided mode: one large, readable step at a time; done, choose or verify moves on. */
export function GuidedRunbook({ engagementId, runId }: { engagementId: string; runId: string }) {
  const rb = useApp((s) => s.runbooks)
  const { openRunbookRun, markStepDone, chooseOption, verifyStep, skipStep, stepBack, abandonRun, navigate } = useActions()
  const [abandoning, setAbandoning] = useState(false)
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
  // the way the run went, the step it stands at and the way ahead: never the branch not taken
  const path = runbookPath(v.runbook, v.run)
  const titleOf = (id: string) => v.runbook.steps.find((x) => x.id === id)?.title ?? id
  // steps moved past by Skip (the last word on them in the log), shown as such rather than as done
  const skipped = new Set([...done].filter((id) => v.run.log.findLast((l) => l.stepId === id && l.action !== 'back')?.action === 'skipped'))
  const s = v.step
  const canGoBack = !v.run.finishedAt && stepsTaken(v.run.log).length > 0
  // a verify that ran and did not pass (now, or before a reload) offers Retry, Skip and Abandon
  const last = v.run.log.at(-1)
  const notPassed = s?.kind === 'verify' && ((v.outcome && !v.outcome.passed) || (last?.stepId === s.id && (last.action === 'waiting' || (last.action === 'verified' && last.detail.passed === false))))
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
          <p className="muted subtitle" data-testid="step-counter">
            {s ? `Step ${pos.number} of ${pos.total}` : v.run.abandoned ? 'Abandoned' : 'Finished'}
          </p>
        </div>
      </div>
      <ol className="rb-progress" aria-label="Steps" data-testid="runbook-path">
        {path.taken.map((id, i) => (
          <li key={`taken-${i}`} className={skipped.has(id) ? 'rb-skipped' : 'rb-done'}>
            {skipped.has(id) ? (
              <>
                {titleOf(id)}
                <span className="small"> (skipped)</span>
              </>
            ) : (
              <>
                <Icon name="check" /> {titleOf(id)}
              </>
            )}
          </li>
        ))}
        {path.current && (
          <li className="rb-current" aria-current="step">
            {titleOf(path.current)}
          </li>
        )}
        {path.ahead.map((id) => (
          <li key={`ahead-${id}`}>{titleOf(id)}</li>
        ))}
        {path.more > 0 && <li className="rb-more">{`then ${plural(path.more, 'more step')}, depending on the answer`}</li>}
      </ol>
      {rb.error && (
        <ErrorBanner>{rb.error.message}</ErrorBanner>
      )}
      {!s ? (
        <section className="card rb-step" aria-labelledby="step-title">
          <h2 id="step-title" tabIndex={-1} className="rb-step-title">
            {v.run.abandoned ? 'This runbook was abandoned' : 'This runbook is complete'}
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
            <>
              <p id="rb-question" className="rb-do rb-question">
                {s.question}
              </p>
              <div className="rb-options" role="group" aria-labelledby="rb-question">
                {s.options.map((o, i) => (
                  <button key={o.label} type="button" className="btn" disabled={rb.busy} onClick={() => void chooseOption(i)}>
                    {o.label}
                  </button>
                ))}
              </div>
            </>
          ) : s.kind === 'verify' ? (
            <div className="rb-verify">
              {s.checks.length > 0 && (
                <p className="small muted">
                  Checks: <span className="mono">{s.checks.join(', ')}</span>
                </p>
              )}
              {s.credential && <p className="small muted">{s.credential === 'works' ? 'Live check: the new credential works at the provider.' : 'Live check: the replaced credential is dead at the provider.'}</p>}
              {v.outcome && <StepOutcome outcome={v.outcome} engagementId={engagementId} />}
              {notPassed && !v.outcome && <p className="rb-outcome rb-fail">The last check of this step did not pass.</p>}
              <div className="rb-actions">
                <button type="button" className="btn btn-primary" disabled={rb.busy} onClick={() => void verifyStep()}>
                  {rb.busy ? 'Verifying…' : notPassed ? 'Retry' : 'Verify now'}
                </button>
                {notPassed && <SkipStep key={s.id} busy={rb.busy} onSkip={(reason) => void skipStep(reason)} />}
              </div>
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
          <div className="rb-footer">
            {canGoBack ? (
              <button type="button" className="btn btn-ghost" disabled={rb.busy} onClick={() => void stepBack()}>
                <Icon name="back" /> Previous step
              </button>
            ) : (
              <span />
            )}
            <button type="button" className="btn btn-danger-ghost" disabled={rb.busy} onClick={() => setAbandoning(true)}>
              Abandon…
            </button>
          </div>
        </section>
      )}
      {abandoning && (
        <AbandonDialog
          title={v.runbook.title}
          busy={rb.busy}
          onCancel={() => setAbandoning(false)}
          onAbandon={(reason) => {
            setAbandoning(false)
            void abandonRun(reason)
          }}
        />
      )}
    </>
  )
}
