import { useRef, useState, type DragEvent } from 'react'
import { useActions, useApp } from '../../hooks/useStore'
import { useErrorFocus } from '../../hooks/useErrorFocus'
import { ErrorBanner } from '../../components/ErrorBanner'
import { hasErrors, placeIssues, type FormErrors } from '../../lib/formErrors'
import { verdictErrors } from '../../store/validation'
import { bytes } from '../../store/sprint'
import { readFiles, type PendingFile } from './files'
import { AttachmentList } from './AttachmentList'

/**
 * A manual item's verdict: Pass or Fail (no default: a person decides), a note, attachments by
 * picker or drag and drop. Errors show here, in the sheet, all at once; focus goes to the first.
 */
export function VerdictForm({ itemId, staged, onStaged, note, onNote }: { itemId: string; staged: PendingFile[]; onStaged(f: PendingFile[]): void; note: string; onNote(n: string): void }) {
  const { recordVerdict } = useActions()
  const attachments = useApp((s) => s.sprint.attachments[itemId])
  const [verdict, setVerdict] = useState<'pass' | 'fail' | null>(null)
  const [errors, setErrors] = useState<FormErrors<'verdict' | 'note'>>({})
  const [busy, setBusy] = useState(false)
  const [over, setOver] = useState(false)
  const ref = useRef<HTMLElement>(null)
  useErrorFocus(ref, errors)
  const add = async (files: FileList | null) => onStaged([...staged, ...(await readFiles(files))].slice(0, 20))
  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setOver(false)
    void add(e.dataTransfer.files)
  }
  const save = async () => {
    if (busy) return
    const found = verdictErrors(verdict, note, staged.length)
    setErrors(found)
    if (hasErrors(found) || !verdict) return
    setBusy(true)
    const refused = await recordVerdict({ itemId, verdict, note: note || undefined, attachments: staged.map(({ name, mime, dataBase64 }) => ({ name, mime, dataBase64 })) })
    setBusy(false)
    if (refused) return setErrors(placeIssues(refused, ['verdict', 'note'] as const))
    onStaged([])
    onNote('')
    setVerdict(null)
  }
  return (
    <section className="verdict" aria-labelledby="h-verdict" ref={ref}>
      <h3 id="h-verdict">Your verdict</h3>
      {errors.form && <ErrorBanner formError>{errors.form}</ErrorBanner>}
      <fieldset className="seg" aria-describedby={errors.verdict ? 'verdict-error' : undefined}>
        <legend className="sr-only">Verdict</legend>
        {(['pass', 'fail'] as const).map((v, i) => (
          <label key={v} className={`seg-opt${verdict === v ? ' on' : ''}`}>
            <input type="radio" name="verdict" value={v} checked={verdict === v} onChange={() => setVerdict(v)} aria-invalid={errors.verdict && i === 0 ? true : undefined} />
            {v === 'pass' ? 'Pass' : 'Fail'}
          </label>
        ))}
      </fieldset>
      {errors.verdict && (
        <p className="field-error" id="verdict-error">
          {errors.verdict}
        </p>
      )}
      <label htmlFor="verdict-note" className="small">
        What you checked
      </label>
      <textarea
        id="verdict-note"
        className="input"
        rows={2}
        value={note}
        onChange={(e) => onNote(e.target.value)}
        aria-invalid={errors.note ? true : undefined}
        aria-describedby={errors.note ? 'verdict-note-error' : undefined}
      />
      {errors.note && (
        <p className="field-error" id="verdict-note-error">
          {errors.note}
        </p>
      )}
      <div
        className={`dropzone${over ? ' over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => (e.preventDefault(), setOver(true))}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        {/* the real input, kept focusable and reachable by its label; the label is what shows, as a button */}
        <input id="verdict-files" className="file-input" type="file" multiple onChange={(e) => void add(e.target.files).then(() => (e.target.value = ''))} />
        <div className="file-pick">
          <label htmlFor="verdict-files" className="btn">
            Choose files…
          </label>
          <span className="small muted" aria-live="polite">
            {staged.length ? `${staged.length} ${staged.length === 1 ? 'file' : 'files'} to attach: ${staged.map((f) => f.name).join(', ')}` : 'No file chosen. Or drop files here (screenshots, exports, signed forms).'}
          </span>
        </div>
      </div>
      {staged.length > 0 && (
        <ul className="files" aria-label="Files to attach" tabIndex={0}>
          {staged.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              <span className="truncate">{f.name}</span>
              <span className="small muted">{bytes(f.size)}</span>
              <button type="button" className="btn btn-xs btn-ghost" aria-label={`Remove ${f.name}`} onClick={() => onStaged(staged.filter((_, k) => k !== i))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* aria-disabled, not disabled: a disabled button drops focus, and Escape would stop closing the sheet */}
      <button type="button" className="btn btn-primary" onClick={() => void save()} aria-disabled={busy}>
        {busy ? 'Saving…' : verdict ? `Record ${verdict}` : 'Record verdict'}
      </button>
      <h3 id="h-att">Attachments</h3>
      {attachments?.length ? (
        <AttachmentList items={attachments} />
      ) : (
        <p className="small muted">No attachments yet. Attach proof a person checked: a screenshot, an export, a signed form.</p>
      )}
    </section>
  )
}
