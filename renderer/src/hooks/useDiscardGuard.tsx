import { useEffect, useRef, useState, type ReactNode } from 'react'

/**
 * Closing a form that holds unsaved input asks first. `requestClose` is what Escape and the
 * close button call: with nothing typed it closes at once; otherwise `prompt` (rendered inside
 * the form's dialog) asks to keep editing or discard, and keeping returns focus where it was.
 */
export function useDiscardGuard(dirty: boolean, close: () => void): { requestClose(): void; prompt: ReactNode } {
  const [asking, setAsking] = useState(false)
  const back = useRef<HTMLElement | null>(null)
  const keepBtn = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (asking) keepBtn.current?.focus()
  }, [asking])
  const requestClose = () => {
    if (!dirty || asking) return asking ? undefined : close()
    back.current = document.activeElement as HTMLElement | null
    setAsking(true)
  }
  const keep = () => {
    setAsking(false)
    const el = back.current
    queueMicrotask(() => el?.isConnected && el.focus())
  }
  const prompt = asking ? (
    <div className="discard-bar" role="alertdialog" aria-labelledby="discard-q" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), keep())}>
      <span id="discard-q">Discard what you typed?</span>
      <button type="button" className="btn btn-xs" onClick={keep} ref={keepBtn}>
        Keep editing
      </button>
      <button type="button" className="btn btn-xs btn-danger-ghost" onClick={close}>
        Discard
      </button>
    </div>
  ) : null
  return { requestClose, prompt }
}
