import { useRef } from 'react'
import { useActions } from '../hooks/useStore'
import { readFiles } from '../screens/sprint/files'
import { Icon } from './Icon'

/** Save base64 bytes as a file the browser (or Electron) downloads. */
function download(fileName: string, dataBase64: string): void {
  const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/gzip' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** "Export": one file with the engagement's evidence, attachments and hashes. */
export function ExportButton({ id }: { id: string }) {
  const { exportEngagement } = useActions()
  return (
    <button
      type="button"
      className="btn"
      onClick={async () => {
        const f = await exportEngagement(id)
        if (f) download(f.fileName, f.dataBase64)
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
