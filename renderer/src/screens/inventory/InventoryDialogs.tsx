import { useState, type FormEvent } from 'react'
import { createPortal } from 'react-dom'
import { useActions, useApp } from '../../hooks/useStore'
import type { ImportMode, InventoryDialog } from '../../store/inventory'
import { plural } from '../../lib/format'
import { Icon } from '../../components/Icon'
import { Modal } from '../../components/Modal'
import { sentence } from '../../lib/formErrors'

/** The inventory's dialogs: confirm a removal, pick a file to import, confirm a replace. */
export function InventoryDialogs() {
  const dialog = useApp((s) => s.inventory.dialog)
  const { closeInventoryDialog } = useActions()
  if (!dialog) return null
  const body =
    dialog.kind === 'import' ? (
      <ImportForm dialog={dialog} />
    ) : (
      <Confirm dialog={dialog} />
    )
  return createPortal(
    // keyed by kind: the replace confirmation is a new dialog, and takes the focus to its Cancel
    <Modal key={dialog.kind} labelledBy="inv-dialog-title" describedBy={dialog.kind === 'import' ? undefined : 'inv-dialog-body'} onClose={closeInventoryDialog} role={dialog.kind === 'import' ? 'dialog' : 'alertdialog'}>
      {body}
    </Modal>,
    document.body,
  )
}

const rowsNow = () => [...document.querySelectorAll<HTMLElement>('[data-testid="inventory-row"]')]

/**
 * Remove a row, then give the keyboard the row that took its place (or the one before, or
 * "Add a row"), so the focus does not fall back to the top of the page.
 */
async function removeKeepingPlace(id: string, confirm: () => Promise<void>): Promise<void> {
  const at = rowsNow().findIndex((r) => r.dataset.id === id)
  await confirm()
  requestAnimationFrame(() => {
    const rows = rowsNow()
    if (rows.some((r) => r.dataset.id === id)) return // not removed: the dialog says why
    const next = rows[Math.min(Math.max(at, 0), rows.length - 1)]
    const target = next?.querySelector<HTMLElement>('button[aria-label^="Edit "]') ?? [...document.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent?.trim() === 'Add a row')
    target?.focus()
  })
}

/** Remove or replace: destructive, so Cancel has the focus and Enter never destroys by accident. */
function Confirm({ dialog }: { dialog: Exclude<InventoryDialog, { kind: 'import' }> }) {
  const { closeInventoryDialog, confirmInventoryDialog } = useActions()
  const rows = useApp((s) => s.inventory.items?.length ?? 0)
  const remove = dialog.kind === 'remove'
  return (
    <>
      <div className="modal-body confirm">
        <div className="confirm-icon danger" aria-hidden="true">
          <Icon name="trash" size={20} />
        </div>
        <div>
          <h2 id="inv-dialog-title">{remove ? `Remove ${dialog.title}?` : 'Replace the whole inventory?'}</h2>
          <p id="inv-dialog-body" className="muted">
            {remove
              ? 'The row leaves the access inventory and the next handover PDF. This cannot be undone.'
              : `The ${plural(rows, 'row')} now in the inventory are removed and the ${plural(dialog.entries.length, 'row')} of ${dialog.fileName} take their place. This cannot be undone: export first if you may want the current rows back.`}
          </p>
        </div>
      </div>
      <div className="modal-footer">
        <button type="button" className="btn" onClick={closeInventoryDialog} data-autofocus>
          Cancel
        </button>
        <button type="button" className="btn btn-danger" disabled={dialog.busy} onClick={() => void (remove ? removeKeepingPlace(dialog.id, confirmInventoryDialog) : confirmInventoryDialog())}>
          {dialog.busy ? 'Working…' : remove ? 'Remove row' : 'Replace inventory'}
        </button>
      </div>
    </>
  )
}

/** Pick a JSON file (an export, a bundle's inventory.json, or a list of rows) and merge or replace. */
function ImportForm({ dialog }: { dialog: Extract<InventoryDialog, { kind: 'import' }> }) {
  const { closeInventoryDialog, chooseInventoryFile } = useActions()
  const [file, setFile] = useState<File | null>(null)
  const [mode, setMode] = useState<ImportMode>('merge')
  const [missing, setMissing] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!file) return setMissing(true)
    await chooseInventoryFile(file.name, await file.text(), mode)
  }
  const error = missing && !file ? 'Pick a JSON file first.' : dialog.error
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <div className="modal-body stack">
        <h2 id="inv-dialog-title">Import an inventory</h2>
        <p className="muted small">
          A JSON file: an export from this screen, a bundle’s <span className="mono">inventory.json</span>, or a list of rows as{' '}
          <code>handover inventory import</code> reads.
        </p>
        <div className={`field${error ? ' has-error' : ''}`}>
          <label htmlFor="inv-import-file">Inventory file (JSON)</label>
          <input
            id="inv-import-file"
            type="file"
            accept=".json,application/json"
            className="input"
            data-autofocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'inv-import-error' : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {error && (
            <p className="field-error" id="inv-import-error" role="alert">
              {sentence(error)}
            </p>
          )}
        </div>
        <fieldset className="inv-choice">
          <legend>How to bring the rows in</legend>
          <label>
            <input type="radio" name="inv-import-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />
            <span>
              <strong>Merge</strong>
              <span className="inv-choice-hint muted small">Rows with the same system and name are updated; the rest are added.</span>
            </span>
          </label>
          <label>
            <input type="radio" name="inv-import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />
            <span>
              <strong>Replace</strong>
              <span className="inv-choice-hint muted small">The inventory becomes exactly the file’s rows. You confirm first.</span>
            </span>
          </label>
        </fieldset>
      </div>
      <div className="modal-footer">
        <button type="button" className="btn" onClick={closeInventoryDialog}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={dialog.busy}>
          {dialog.busy ? 'Importing…' : mode === 'merge' ? 'Merge rows' : 'Replace…'}
        </button>
      </div>
    </form>
  )
}
