import { useEffect, useRef, useState, type FormEvent } from 'react'
import { STAGES, STAGE_LABELS, VERTICALS, VERTICAL_LABELS } from '@shared/schemas/engagement-values'
import { useActions, useApp } from '../hooks/useStore'
import { draftFromEngagement, emptyDraft, type EngagementDraft, type FieldErrors } from '../store/form'
import { domainSuggestion, validateDraft } from '../store/formValidation'
import { hasErrors } from '../lib/formErrors'
import { useErrorFocus } from '../hooks/useErrorFocus'
import { useDiscardGuard } from '../hooks/useDiscardGuard'
import { Field } from './Field'
import { HostChips } from './HostChips'
import { CheckSettings } from './CheckSettings'
import { MOD_KEY } from '../hooks/platform'
import { Modal } from './Modal'
import { ErrorBanner } from './ErrorBanner'
import { SheetHeader } from './SheetHeader'

const NO_ERRORS: FieldErrors = {}

/**
 * The create/edit sheet, in the one form pattern: every error found before saving is shown in
 * place at once (and the contract's `issues` after a refused save), focus goes to the first,
 * what was typed is never rewritten, and closing with unsaved input asks first.
 */
export function EngagementForm() {
  const form = useApp((s) => s.ui.form)
  const editing = useApp((s) => (s.ui.form?.mode === 'edit' ? s.engagements.items.find((e) => e.id === (s.ui.form as { id: string }).id) : undefined))
  if (!form) return null
  return <FormSheet key={form.mode === 'edit' ? form.id : 'new'} initial={editing ? draftFromEngagement(editing) : emptyDraft()} mode={form.mode} />
}

function FormSheet({ initial, mode }: { initial: EngagementDraft; mode: 'create' | 'edit' }) {
  const { closeForm, saveEngagement, listTemplates } = useActions()
  // create only: start the 48-hour sprint at once, from a chosen template ('' = not yet)
  const [template, setTemplate] = useState('')
  const [templates, setTemplates] = useState<{ id: string; title: string }[]>([])
  useEffect(() => {
    let live = true
    if (mode === 'create') void listTemplates().then((t) => live && setTemplates(t))
    return () => {
      live = false
    }
  }, [mode, listTemplates])
  const saved = useApp((s) => s.ui.form?.errors ?? NO_ERRORS)
  const busy = useApp((s) => s.ui.form?.busy ?? false)
  const [d, setD] = useState(initial)
  const [local, setLocal] = useState<FieldErrors | null>(null)
  const errors = local ?? saved
  const ref = useRef<HTMLFormElement>(null)
  useErrorFocus(ref, errors)
  const guard = useDiscardGuard(JSON.stringify(d) !== JSON.stringify(initial) || template !== '', closeForm)
  const set = <K extends keyof EngagementDraft>(k: K, v: EngagementDraft[K]) => setD((x) => ({ ...x, [k]: v }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    const found = validateDraft(d)
    setLocal(hasErrors(found) ? found : null)
    if (!hasErrors(found)) void saveEngagement(d, template ? { startSprintWith: template } : undefined)
  }
  const suggestion = domainSuggestion(d)
  const text = (k: 'clientName' | 'founderName' | 'founderEmail' | 'domain', type = 'text', extra: object = {}) =>
    (aria: object) => <input className="input" {...aria} {...extra} type={type} value={d[k]} onChange={(e) => set(k, e.target.value)} />

  return (
    <Modal labelledBy="form-title" onClose={guard.requestClose} variant="sheet">
      <form ref={ref} className="sheet-form" onSubmit={submit} noValidate onKeyDown={(e) => (e.ctrlKey || e.metaKey) && e.key === 'Enter' && submit(e)}>
        <SheetHeader
          id="form-title"
          title={mode === 'create' ? 'New engagement' : 'Edit engagement'}
          subtitle={mode === 'create' ? 'One founder, one product, one primary domain.' : initial.domain}
          onClose={guard.requestClose}
        />
        <div className="sheet-body">
          {errors.form && <ErrorBanner formError>{errors.form}</ErrorBanner>}
          <fieldset>
            <legend>Client</legend>
            <Field id="f-client" label="Client name" error={errors.clientName} optional>
              {text('clientName', 'text', { 'data-autofocus': true, placeholder: 'Acme Inc.', autoComplete: 'organization' })}
            </Field>
            <div className="row-2">
              <Field id="f-founder" label="Founder name" error={errors.founderName} optional>
                {text('founderName', 'text', { placeholder: 'Ada Lovelace', autoComplete: 'name' })}
              </Field>
              <Field id="f-email" label="Founder email" error={errors.founderEmail} optional>
                {text('founderEmail', 'email', { placeholder: 'ada@acme.example', autoComplete: 'email' })}
              </Field>
            </div>
          </fieldset>
          <fieldset>
            <legend>Product</legend>
            <Field id="f-domain" label="Primary domain" hint="The registrable domain, e.g. acme.com. Internationalised names are converted to punycode." error={errors.domain}>
              {text('domain', 'text', { placeholder: 'acme.example', spellCheck: false, autoCapitalize: 'off', className: 'input mono', required: true })}
            </Field>
            {suggestion && (
              <p className="domain-suggestion small" role="status">
                <span>
                  That is a subdomain of <span className="mono">{suggestion.domain}</span>.
                </span>{' '}
                <button type="button" className="btn btn-ghost btn-xs" onClick={() => setD(suggestion.apply())}>
                  Use {suggestion.domain} and keep {suggestion.host} as a host
                </button>
              </p>
            )}
            <Field id="f-hosts" label="Declared hosts" hint="The hosts the sprint checks, relative to the domain. The apex is always included." error={errors.hosts} optional>
              {(aria) => <HostChips id={aria.id} aria={aria} domain={d.domain} hosts={d.hosts} onChange={(h) => set('hosts', h)} />}
            </Field>
          </fieldset>
          <fieldset>
            <legend>Sprint profile</legend>
            <div className="row-2">
              <Field id="f-stage" label="Product stage" error={errors.stage}>
                {(aria) => (
                  <select {...aria} className="input" value={d.stage} onChange={(e) => set('stage', e.target.value as EngagementDraft['stage'])}>
                    {STAGES.map((s) => <option key={s} value={s}>{STAGE_LABELS[s]}</option>)}
                  </select>
                )}
              </Field>
              <Field id="f-vertical" label="Vertical" error={errors.vertical}>
                {(aria) => (
                  <select {...aria} className="input" value={d.vertical} onChange={(e) => set('vertical', e.target.value as EngagementDraft['vertical'])}>
                    {VERTICALS.map((v) => <option key={v} value={v}>{VERTICAL_LABELS[v]}</option>)}
                  </select>
                )}
              </Field>
            </div>
            {mode === 'create' && templates.length > 0 && (
              <Field id="f-template" label="Sprint" hint="Start the 48-hour sprint now from a template, or later from the sprint board.">
                {(aria) => (
                  <select {...aria} className="input" value={template} onChange={(e) => setTemplate(e.target.value)}>
                    <option value="">Not yet</option>
                    {templates.map((t) => (
                      <option key={t.id} value={t.id}>
                        Start now: {t.title}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <Field id="f-notes" label="Notes" error={errors.notes} optional>
              {(aria) => <textarea {...aria} className="input" rows={4} value={d.notes} placeholder="Context, constraints, who to call…" onChange={(e) => set('notes', e.target.value)} />}
            </Field>
          </fieldset>
          <CheckSettings draft={d} errors={errors} onChange={(k, v) => set(k, v)} />
        </div>
        {guard.prompt}
        <div className="sheet-footer">
          <span className="muted small"><kbd>{MOD_KEY}</kbd> <kbd>Enter</kbd> to save</span>
          <button type="button" className="btn" onClick={closeForm}>Cancel</button>
          {/* aria-disabled, not disabled: a disabled button drops focus to the page */}
          <button type="submit" className="btn btn-primary" aria-disabled={busy}>
            {busy ? 'Saving…' : mode === 'create' ? 'Create engagement' : 'Save changes'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
