import { useEffect, useState } from 'react'
import type { AttachmentInfo } from '@shared/contract/sprint'
import { useActions } from '../../hooks/useStore'
import { matchRecorded, recordedFiles } from '../../store/evidenceFiles'
import { AttachmentList } from '../sprint/AttachmentList'
import '../sprint/sprint.css'

/**
 * A manual verdict's attachments on the evidence screen, opened the same way as in the item's
 * sheet: an image told by its bytes previewed inline, anything else only saved as a download.
 */
export function EvidenceFiles({ engagementId, evidenceId, data }: { engagementId: string; evidenceId: number; data: unknown }) {
  const rec = recordedFiles(data)
  const itemId = rec?.itemId
  const { attachmentsOf } = useActions()
  const [rows, setRows] = useState<{ for: number; list: AttachmentInfo[] | null } | null>(null)
  useEffect(() => {
    if (!itemId) return
    let live = true
    void attachmentsOf(itemId, engagementId).then((list) => live && setRows({ for: evidenceId, list }))
    return () => {
      live = false
    }
  }, [attachmentsOf, itemId, engagementId, evidenceId])
  if (!rec) return null
  const list = rows?.for === evidenceId ? rows.list : undefined
  const { found, missing } = list ? matchRecorded(rec, list) : { found: [], missing: [] }
  return (
    <section className="ev-files" aria-labelledby="h-ev-files">
      <h3 id="h-ev-files" className="small muted">
        Attachments
      </h3>
      {list === undefined ? (
        <p className="small muted" role="status">
          Loading the attachments…
        </p>
      ) : list === null ? (
        <p className="small muted">The attachments could not be listed.</p>
      ) : (
        <>
          {found.length > 0 && <AttachmentList items={found} engagementId={engagementId} labelledBy="h-ev-files" />}
          {missing.length > 0 && <p className="small muted">Not in this workspace any more: {missing.join(', ')}.</p>}
        </>
      )}
    </section>
  )
}
