import { useEffect, useState } from 'react'
import type { AttachmentInfo } from '@shared/contract/sprint'
import { useActions } from '../../hooks/useStore'
import { bytes } from '../../store/sprint'
import { downloadBytes } from '../../components/download'

function decode(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

/**
 * A manual item's attachments: each can be saved (always as a download, typed
 * application/octet-stream, so nothing an attachment holds is ever rendered by the app), and a
 * PNG, JPEG, GIF or WebP, told by its bytes in core, previewed inline as an image.
 */
export function AttachmentList({ items, engagementId, labelledBy = 'h-att' }: { items: AttachmentInfo[]; engagementId?: string; labelledBy?: string }) {
  const { readAttachment } = useActions()
  const [preview, setPreview] = useState<{ id: number; url: string; name: string } | null>(null)
  const [busy, setBusy] = useState<number | null>(null)
  const [note, setNote] = useState<{ id: number; text: string } | null>(null)
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview.url)), [preview])
  const download = async (a: AttachmentInfo) => {
    setBusy(a.id)
    const c = await readAttachment(a.id, engagementId)
    setBusy(null)
    if (c) downloadBytes(c.name, decode(c.dataBase64))
  }
  const show = async (a: AttachmentInfo) => {
    if (preview?.id === a.id) return setPreview(null)
    setBusy(a.id)
    const c = await readAttachment(a.id, engagementId)
    setBusy(null)
    if (!c) return
    if (!c.previewType) return setNote({ id: a.id, text: 'No preview for this kind of file: save it and open it with the app it belongs to.' })
    setNote(null)
    setPreview({ id: a.id, name: c.name, url: URL.createObjectURL(new Blob([decode(c.dataBase64)], { type: c.previewType })) })
  }
  return (
    <ul className="files" aria-labelledby={labelledBy} data-testid="attachments">
      {items.map((a) => (
        <li key={a.id} className="attachment">
          <div className="attachment-row">
            <span className="truncate" title={a.name}>
              {a.name}
            </span>
            <span className="small muted">{bytes(a.size)}</span>
            <span className="mono small muted" title={`SHA-256 ${a.sha256}`}>
              {a.sha256.slice(0, 12)}…
            </span>
            {/^image\/(png|jpeg|gif|webp)$/.test(a.mime) && (
              <button type="button" className="btn btn-xs" aria-expanded={preview?.id === a.id} aria-label={`${preview?.id === a.id ? 'Hide' : 'Preview'} ${a.name}`} disabled={busy === a.id} onClick={() => void show(a)}>
                {preview?.id === a.id ? 'Hide' : 'Preview'}
              </button>
            )}
            <button type="button" className="btn btn-xs" aria-label={`Save ${a.name}`} disabled={busy === a.id} onClick={() => void download(a)}>
              Save
            </button>
          </div>
          {note?.id === a.id && <p className="small muted">{note.text}</p>}
          {preview?.id === a.id && <img className="attachment-preview" src={preview.url} alt={`Preview of ${preview.name}`} data-testid="attachment-preview" />}
        </li>
      ))}
    </ul>
  )
}
