import { useEffect, useRef, useState, type FormEvent } from 'react'
import { createPortal } from 'react-dom'
import { SYSTEM_KINDS, SYSTEM_TITLES, purposeOf, type InventoryFields, type SystemKind } from '@shared/contract/handover'
import { useActions, useApp } from '../../hooks/useStore'
import { MOD_KEY } from '../../hooks/platform'
import { addAdmins, blankFields, fieldsOf, rowTitle, type InventoryErrors } from '../../store/inventoryRows'
import { Field } from '../../components/Field'
import { ListChips } from '../../components/ListChips'
import { Modal } from '../../components/Modal'
import { ErrorBanner } from '../../components/ErrorBanner'
import { SheetHeader } from '../../components/SheetHeader'
import { sentence } from '../../lib/formErrors'

const NO_ERRORS: InventoryErrors = {}

/** The add/edit sheet of one inventory row, above the (inert) shell. */
export function InventorySheet() {
  const sheet = useApp((s) => s.inventory.sheet)
  const editing = useApp((s) => (s.inventory.sheet?.mode === 'edit' ? s.inventory.items?.find((e) => e.id === (s.inventory.sheet as { id: string }).id) : undefined))
  const { closeInventoryRow } = useActions()
  if (!sheet || (sheet.mode === 'edit' && !editing)) return null
  return createPortal(
    <Modal labelledBy="inv-form-title" onClose={closeInventoryRow} variant="sheet">
      <RowForm key={editing?.id ?? 'new'} initial={editing ? fieldsOf(editing) : blankFields()} adding={!editing} />
    </Modal>,
    document.body,
  )
}

function RowForm({ initial, adding }: { initial: InventoryFields; adding: boolean }) {
  const { closeInventoryRow, saveInventoryRow } = useActions()
  const errors = useApp((s) => s.inventory.sheet?.errors ?? NO_ERRORS)
  const busy = useApp((s) => s.inventory.sheet?.busy ?? false)
  const [d, setD] = useState(initial)
  const form = useRef<HTMLFormElement>(null)
  const set = <K extends keyof InventoryFields>(k: K, v: InventoryFields[K]) => setD((x) => ({ ...x, [k]: v }))
  // the standard wording follows the kind until a person writes their own
  const changeKind = (system: SystemKind) => setD((x) => ({ ...x, system, purpose: !x.purpose || x.purpose === purposeOf(x.system) ? purposeOf(system) : x.purpose }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void saveInventoryRow(d)
  }
  // after a refused save, take the keyboard to the first field that needs fixing
  useEffect(() => {
    if (Object.keys(errors).length) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [errors])
  const text = (k: 'name' | 'loginUrl' | 'ownerAccount' | 'credentialLocation' | 'rotatedBy', extra: object = {}) => (aria: object) => (
    <input className="input" {...aria} {...extra} value={d[k]} onChange={(e) => set(k, e.target.value)} />
  )
  const area = (k: 'purpose' | 'recovery' | 'notes', rows = 2, extra: object = {}) => (aria: object) => (
    <textarea className="input" {...aria} {...extra} rows={rows} value={d[k]} onChange={(e) => set(k, e.target.value)} />
  )
  return (
    <form ref={form} className="sheet-form" onSubmit={submit} noValidate onKeyDown={(e) => (e.ctrlKey || e.metaKey) && e.key === 'Enter' && submit(e)}>
      <SheetHeader
        id="inv-form-title"
        title={adding ? 'Add a system' : `Edit ${rowTitle(initial)}`}
        subtitle="Record where each credential lives, never the credential itself."
        onClose={closeInventoryRow}
      />
      <div className="sheet-body">
        {errors.form && <ErrorBanner>{errors.form}</ErrorBanner>}
        <fieldset>
          <legend>System</legend>
          <div className="row-2">
            <Field id="inv-system" label="Kind of system" error={errors.system}>
              {(aria) => (
                <select {...aria} className="input" value={d.system} data-autofocus={adding || undefined} onChange={(e) => changeKind(e.target.value as SystemKind)}>
                  {SYSTEM_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {SYSTEM_TITLES[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="inv-name" label="Provider or account" error={errors.name} optional>
              {text('name', { placeholder: 'Cloudflare', 'data-autofocus': adding ? undefined : true })}
            </Field>
          </div>
          <Field id="inv-purpose" label="What it does" hint="In plain words, so the founder knows why it matters." error={errors.purpose} optional>
            {area('purpose')}
          </Field>
          <Field id="inv-login" label="Login URL" error={errors.loginUrl} optional>
            {text('loginUrl', { type: 'url', className: 'input mono', placeholder: 'https://dash.cloudflare.com/', spellCheck: false, autoCapitalize: 'off' })}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Who gets in</legend>
          <Field id="inv-owner" label="Owner account" hint="The account that owns it: ideally the founder's, not the consultant's." error={errors.ownerAccount} optional>
            {text('ownerAccount', { placeholder: 'ada@acme.example', spellCheck: false })}
          </Field>
          <Field id="inv-admins" label="Admins" hint="Everyone else who can change settings. Enter after each one." error={errors.admins} optional>
            {(aria) => (
              <ListChips id={aria.id} aria={aria} items={d.admins} add={addAdmins} mono={false} noun="admin" placeholder="ada@acme.example, then Enter" onChange={(v) => set('admins', v)} />
            )}
          </Field>
          <fieldset className="inv-seg" aria-describedby={errors.twoFactor ? 'inv-2fa-error' : undefined}>
            <legend>Two-factor authentication</legend>
            <div className="inv-seg-options">
              {(['on', 'off', 'unknown'] as const).map((v) => (
                <label key={v} className="inv-seg-option">
                  <input type="radio" name="inv-2fa" value={v} checked={d.twoFactor === v} onChange={() => set('twoFactor', v)} />
                  <span>{v === 'on' ? 'On' : v === 'off' ? 'Off' : 'Unknown'}</span>
                </label>
              ))}
            </div>
            {errors.twoFactor && (
              <p className="field-error" id="inv-2fa-error">
                {sentence(errors.twoFactor)}
              </p>
            )}
          </fieldset>
        </fieldset>
        <fieldset>
          <legend>Getting back in</legend>
          <Field id="inv-recovery" label="Recovery" hint="How to regain access when a password or 2FA device is lost: backup codes, recovery email, support." error={errors.recovery} optional>
            {area('recovery')}
          </Field>
          <Field id="inv-credential" label="Where the credential lives" hint="A place, e.g. “founder’s 1Password, vault Ops”. Never paste a password or key here." error={errors.credentialLocation} optional>
            {text('credentialLocation', { autoComplete: 'off' })}
          </Field>
          <div className="row-2">
            <Field id="inv-rotated-by" label="Rotated by" error={errors.rotatedBy} optional>
              {text('rotatedBy', { placeholder: 'Who rotates it' })}
            </Field>
            <Field id="inv-next-rotation" label="Next rotation" error={errors.nextRotation} optional>
              {(aria) => <input {...aria} className="input" type="date" value={d.nextRotation} onChange={(e) => set('nextRotation', e.target.value)} />}
            </Field>
          </div>
          <Field id="inv-notes" label="Notes" error={errors.notes} optional>
            {area('notes', 3)}
          </Field>
        </fieldset>
      </div>
      <div className="sheet-footer">
        <span className="muted small">
          <kbd>{MOD_KEY}</kbd> <kbd>Enter</kbd> to save
        </span>
        <button type="button" className="btn" onClick={closeInventoryRow}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : adding ? 'Add to the inventory' : 'Save changes'}
        </button>
      </div>
    </form>
  )
}
