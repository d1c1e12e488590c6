import { useState } from 'react'
import { useCopyField } from '../../hooks/useCopyField'
import type { BundlePlace } from '@shared/contract/handover'
import { useActions } from '../../hooks/useStore'
import { Icon } from '../../components/Icon'
import { downloadBytes } from '../../components/download'

/**
 * What to do with a bundle outside the app. In Electron: open its folder, save a copy of the zip
 * (native dialogs). In browser mode: download the zip, and copy the folder's path.
 */
export function BundleActions({ place }: { place: BundlePlace }) {
  const { openBundleFolder, saveBundleCopy, bundleZipBytes } = useActions()
  const [busy, setBusy] = useState(false)
  const run = (f: () => Promise<void>) => async () => {
    setBusy(true)
    try {
      await f()
    } finally {
      setBusy(false)
    }
  }
  if (place.desktop)
    return (
      <div className="ho-actions">
        <button type="button" className="btn" disabled={busy} onClick={run(() => openBundleFolder(place.name))}>
          <Icon name="folder" /> Open folder
        </button>
        <button type="button" className="btn" disabled={busy} onClick={run(() => saveBundleCopy(place.name))}>
          <Icon name="download" /> Save a copy…
        </button>
        <span className="small muted mono ho-path">{place.dir}</span>
      </div>
    )
  const download = async () => {
    const f = await bundleZipBytes(place.name)
    if (f) downloadBytes(f.fileName, f.bytes, 'application/zip')
  }
  return (
    <div className="ho-actions">
      <button type="button" className="btn" disabled={busy || !place.zipSize} onClick={run(download)}>
        <Icon name="download" /> {busy ? 'Preparing…' : 'Download .zip'}
      </button>
      <CopyPath path={place.dir} />
    </div>
  )
}

/** The folder's path in a read-only field that wraps a long path, with a button that copies it. */
function CopyPath({ path }: { path: string }) {
  const { field, said, copy } = useCopyField<HTMLTextAreaElement>(path)
  return (
    <div className="ho-copy">
      <label className="small muted" htmlFor="bundle-folder">
        Folder
      </label>
      <textarea id="bundle-folder" ref={field} className="input mono small ho-path" readOnly rows={2} value={path} spellCheck={false} onFocus={(e) => e.target.select()} />
      <button type="button" className="btn" onClick={() => void copy()}>
        Copy path
      </button>
      <span className="small muted" role="status">
        {said}
      </span>
    </div>
  )
}
