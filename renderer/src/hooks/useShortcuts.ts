import { useEffect } from 'react'

export interface Shortcuts {
  /** Ctrl/Cmd+K, everywhere. */
  palette(): void
  /** Single keys, only when no field has focus and no dialog is open. */
  keys: Record<string, () => void>
  /** True while a modal owns the keyboard. */
  blocked(): boolean
}

function typing(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))
}

/** Global keyboard shortcuts: Ctrl/Cmd+K for the palette, and plain keys such as n and /. */
export function useShortcuts(s: Shortcuts): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        s.palette()
        return
      }
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typing(e.target) || s.blocked()) return
      const fn = s.keys[e.key]
      if (fn) {
        e.preventDefault()
        fn()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [s])
}
