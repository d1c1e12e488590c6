import { useState, type DragEvent } from 'react'
import { useActions, useApp } from '../../hooks/useStore'
import { bytes } from '../../store/sprint'
import { readFiles, type PendingFile } from './files'

/** A manual item's verdict: pass/fail, a note, attachments by picker or drag and drop. */
export function VerdictForm({ itemId, staged, onStaged }: { itemId: string; staged: PendingFile[]; onStaged(f: PendingFile[]): void }) {
  const { recordVerdict } = useActions()
  const attachments = useApp((s) => s.sprint.attachments[itemId])
  const [verdict, setVerdict] = useState<'pass' | 'fail'>('pass')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [over, setOver] = useState(false)
  const add = async (files: FileList | null) => onStaged([...staged, ...(await readFiles(files))].slice(0, 20))
  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setOver(false)
    void add(e.dataTransfer.files)
  }
  const save = async () => {
    if (busy) return
    setBusy(true)
    const ok = await recordVerdict({ itemId, verdict, note: note || undefined, attachments: staged.map(({ name, mime, dataBase64 }) => ({ name, mime, dataBase64 })) })
    setBusy(false)
    if (ok) {
      onStaged([])
      setNote('')
    }
  }
  return (
    <section className="verdict" aria-labelledby="h-verdict">
      <h3 id="h-verdict">Your verdict</h3>
      <fieldset className="seg">
        <legend className="sr-only">Verdict</legend>
        {(['pass', 'fail'] as const).map((v) => (
          <label key={v} className={`seg-opt${verdict === v ? ' on' : ''}`}>
            <input type="radio" name="verdict" value={v} checked={verdict === v} onChange={() => setVerdict(v)} />
            {v === 'pass' ? 'Pass' : 'Fail'}
          </label>
        ))}
      </fieldset>
      <label htmlFor="verdict-note" className="small">
        Note
      </label>
      <textarea id="verdict-note" className="input" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <div
        className={`dropzone${over ? ' over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => (e.preventDefault(), setOver(true))}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <label htmlFor="verdict-files">Attach files</label>
        <input id="verdict-files" type="file" multiple onChange={(e) => void add(e.target.files).then(() => (e.target.value = ''))} />
        <span className="small muted">or drop them here (screenshots, exports, signed forms)</span>
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
        {busy ? 'Saving…' : `Record ${verdict}`}
      </button>
      <h3 id="h-att">Attachments</h3>
      {attachments?.length ? (
        <ul className="files" aria-labelledby="h-att" data-testid="attachments" tabIndex={0}>
          {attachments.map((a) => (
            <li key={a.id}>
              <span className="truncate">{a.name}</span>
              <span className="small muted">{bytes(a.size)}</span>
              <span className="mono small muted" title={`SHA-256 ${a.sha256}`}>
                {a.sha256.slice(0, 12)}…
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="small muted">No attachments yet. Attach proof a person checked: a screenshot, an export, a signed form.</p>
      )}
    </section>
  )
}
