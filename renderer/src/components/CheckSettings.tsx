import { useEffect, useState } from 'react'
import { plural } from '../lib/format'
import type { EngagementDraft, FieldErrors } from '../store/form'
import { LIST_RULES, addListItems, listErrors, type ListField } from '../store/formValidation'
import { Field } from './Field'
import { Icon } from './Icon'
import { ListChips } from './ListChips'

/** A check-config list's chip rules: how typed text is added, and which entries are valid. */
const rulesOf = (field: ListField) => ({
  add: (items: string[], text: string) => addListItems(items, text, field),
  isValid: (item: string) => LIST_RULES[field].normalize(item).ok,
})

export interface CheckSettingsProps {
  draft: EngagementDraft
  /** Errors from the last save (the contract's issues). */
  errors: FieldErrors
  onChange(field: ListField, items: string[]): void
}

/**
 * The form's "Check settings" disclosure: DKIM selectors (mail.dkim), key routes
 * (http.routes), private targets (the egress policy's exception for internal hosts) and the
 * client's repositories (secrets.repo). Collapsed by default; opens by itself when a save reports a problem in it.
 */
export function CheckSettings({ draft, errors, onChange }: CheckSettingsProps) {
  const [open, setOpen] = useState(false)
  const saved = Boolean(errors.dkimSelectors || errors.routes || errors.privateTargets || errors.repos)
  useEffect(() => {
    if (saved) setOpen(true)
  }, [saved, errors])
  // Known before saving (a refused entry, too many); otherwise what the last save said.
  const local = listErrors(draft)
  const error = (f: ListField) => local[f] ?? errors[f]
  const counts = [
    draft.dkimSelectors.length && plural(draft.dkimSelectors.length, 'DKIM selector'),
    draft.routes.length && plural(draft.routes.length, 'key route'),
    draft.privateTargets.length && plural(draft.privateTargets.length, 'private target'),
    draft.repos.length && plural(draft.repos.length, 'repository', 'repositories'),
  ].filter(Boolean)
  return (
    <details className="form-section" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <Icon name="arrow" size={14} />
        <span className="form-section-title">Check settings</span>
        <span className="muted small">{counts.length ? counts.join(' · ') : 'optional'}</span>
      </summary>
      <div className="form-section-body">
        <Field
          id="f-dkim"
          label="DKIM selectors"
          hint="The selectors your mail providers sign with: the part before ._domainkey, e.g. s1 or k2. Tried before the common ones; up to 20."
          error={error('dkimSelectors')}
          optional
        >
          {(aria) => (
            <ListChips id={aria.id} aria={aria} {...rulesOf('dkimSelectors')} noun="selector" placeholder="s1, k2, mandrill…" items={draft.dkimSelectors} onChange={(v) => onChange('dkimSelectors', v)} />
          )}
        </Field>
        <Field
          id="f-routes"
          label="Key routes"
          hint="Paths timed on the canonical host besides /, e.g. /pricing or /api/health. One that answers 404 fails the check; up to 20."
          error={error('routes')}
          optional
        >
          {(aria) => <ListChips id={aria.id} aria={aria} {...rulesOf('routes')} noun="route" placeholder="/pricing, /login…" items={draft.routes} onChange={(v) => onChange('routes', v)} />}
        </Field>
        <Field
          id="f-private"
          label="Private targets"
          hint="Checks never connect to loopback, private-network or link-local addresses, wherever a site sends them. To audit an internal staging host, name it (or its address, or a /24) here; each change is recorded in the evidence."
          error={error('privateTargets')}
          optional
        >
          {(aria) => (
            <ListChips id={aria.id} aria={aria} {...rulesOf('privateTargets')} noun="private target" placeholder="staging.corp.example, 10.0.0.5…" items={draft.privateTargets} onChange={(v) => onChange('privateTargets', v)} />
          )}
        </Field>
        <Field
          id="f-repos"
          label="Repositories"
          hint="The client's code, scanned for secrets with its full history: an absolute path on this computer, or an https:// clone URL (cloned into the workspace; a GitHub token from the vault is used for private GitHub repositories). Up to 10."
          error={error('repos')}
          optional
        >
          {(aria) => <ListChips id={aria.id} aria={aria} {...rulesOf('repos')} noun="repository" placeholder="https://github.com/acme/app.git, /home/me/acme-app…" items={draft.repos} onChange={(v) => onChange('repos', v)} />}
        </Field>
      </div>
    </details>
  )
}
