import { useEffect } from 'react'
import { matchShortcut, type ShortcutId } from '../lib/shortcuts'

export interface Shortcuts {
  /** Handlers by shortcut id; the keys themselves come from SHORTCUTS (lib/shortcuts.ts). */
  keys: Partial<Record<ShortcutId, () => void>>
  /** True while a modal owns the keyboard. */
  blocked(): boolean
}

function typing(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))
}

/**
 * Global keyboard shortcuts from the registry: Ctrl/⌘ ones (the palette) work anywhere; plain
 * keys (n, /, ?) only when no field has focus and no dialog is open.
 */
export function useShortcuts(s: Shortcuts): void {
  useEffect(() => {
    const ids = Object.keys(s.keys) as ShortcutId[]
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return
      const id = matchShortcut(e, ids)
      if (!id) return
      const mod = e.ctrlKey || e.metaKey
      if (!mod && (typing(e.target) || s.blocked())) return
      e.preventDefault()
      s.keys[id]?.()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [s])
}
