import { useRef } from 'react'
import { useActions } from '../hooks/useStore'
import { readFiles } from '../screens/sprint/files'
import { fromBase64 } from '../lib/bytes'
import { downloadBytes } from './download'
import { Icon } from './Icon'

/** "Export": one file with the engagement's evidence, attachments and hashes. */
export function ExportButton({ id }: { id: string }) {
  const { exportEngagement } = useActions()
  return (
    <button
      type="button"
      className="btn"
      onClick={async () => {
        const f = await exportEngagement(id)
        if (f) downloadBytes(f.fileName, fromBase64(f.dataBase64), 'application/gzip')
      }}
    >
      <Icon name="download" /> Export
    </button>
  )
}

/** "Import": pick a .handover file; it is verified before anything is written. */
export function ImportButton() {
  const { importEngagement, navigate } = useActions()
  const input = useRef<HTMLInputElement>(null)
  return (
    <>
      <button type="button" className="btn" onClick={() => input.current?.click()}>
        <Icon name="upload" /> Import
      </button>
      <input
        ref={input}
        type="file"
        accept=".handover,application/gzip"
        hidden
        aria-label="Import an engagement file"
        data-testid="import-input"
        onChange={async (e) => {
          const [file] = await readFiles(e.target.files)
          e.target.value = ''
          if (!file) return
          const id = await importEngagement(file.dataBase64)
          if (id) navigate({ name: 'engagement', id })
        }}
      />
    </>
  )
}
