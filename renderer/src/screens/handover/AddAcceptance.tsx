import { useRef, useState, type ChangeEvent } from 'react'
import type { ErrorInfo } from '@shared/errors'
import { useActions, useApp } from '../../hooks/useStore'
import { readFiles } from '../sprint/files'
import '../sprint/sprint.css'

/** An acceptance's parts are a few KB; anything bigger is refused before it is read. */
const MAX_PART_BYTES = 4096

/**
 * The founder's returned acceptance-… files, picked and added to the bundle's folder in one step
 * instead of copied there by hand. They are read only when there are at most three, each small;
 * core checks their names, sizes and that they hold for this bundle before writing anything, and
 * the bundle is verified after.
 */
export function AddAcceptance({ bundle }: { bundle: string }) {
  const busy = useApp((s) => s.handover.busy)
  const { addAcceptance } = useActions()
  const [error, setError] = useState<ErrorInfo | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(e.target.files ?? [])
    e.target.value = ''
    if (!chosen.length) return
    const big = chosen.find((f) => f.size > MAX_PART_BYTES)
    if (chosen.length > 3) return setError({ code: 'invalid_input', message: `${chosen.length} files were chosen: an acceptance is three (acceptance-….txt, .sig and .pub.pem).` })
    if (big) return setError({ code: 'invalid_input', message: `${big.name} is ${big.size} bytes: an acceptance's files are a few KB at most, so this is not one.` })
    setError(null)
    const files = await readFiles(chosen)
    setError(await addAcceptance(bundle, files.map(({ name, dataBase64 }) => ({ name, dataBase64 }))))
    input.current?.focus()
  }
  return (
    <div className="ho-add-acceptance" data-testid="add-acceptance">
      <input
        ref={input}
        id="acceptance-files"
        className="file-input"
        type="file"
        multiple
        accept=".txt,.sig,.pem"
        disabled={!!busy}
        aria-describedby={error ? 'acceptance-error' : undefined}
        onChange={(e) => void pick(e)}
      />
      <div className="file-pick">
        <label htmlFor="acceptance-files" className={`btn${busy ? ' disabled' : ''}`}>
          {busy === 'accept' ? 'Adding…' : 'Add the founder’s acceptance…'}
        </label>
        <span className="small muted">the three acceptance-… files they sent back (or copy them into the bundle&apos;s folder and press Verify)</span>
      </div>
      {error && (
        <p className="field-error" id="acceptance-error" role="alert">
          Not added: {error.message}
        </p>
      )}
    </div>
  )
}
