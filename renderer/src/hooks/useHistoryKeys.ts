import { useEffect } from 'react'

function typing(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))
}

/** Which way a key press moves through history, if it is a Back/Forward shortcut. */
export function historyKey(e: Pick<KeyboardEvent, 'key' | 'altKey' | 'metaKey' | 'ctrlKey' | 'shiftKey'>, mac: boolean): -1 | 1 | 0 {
  if (e.shiftKey || e.ctrlKey) return 0
  if (mac) {
    if (!e.metaKey || e.altKey) return 0
    return e.key === '[' || e.key === 'ArrowLeft' ? -1 : e.key === ']' || e.key === 'ArrowRight' ? 1 : 0
  }
  if (!e.altKey || e.metaKey) return 0
  return e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0
}

/**
 * Back and Forward by keyboard (Alt+←/→, or ⌘[ ⌘] and ⌘←/→ on a Mac) and by the mouse's side
 * buttons. Browsers do this themselves; Electron does not, so this runs only in the app window.
 * Inside a text field the keys keep their editing meaning.
 */
export function useHistoryKeys(): void {
  useEffect(() => {
    if (!window.handover) return
    const mac = /Mac|iPhone|iPad/.test(navigator.platform)
    const onKey = (e: KeyboardEvent) => {
      const step = e.defaultPrevented || typing(e.target) ? 0 : historyKey(e, mac)
      if (!step) return
      e.preventDefault()
      history.go(step)
    }
    // side buttons: 3 is back, 4 is forward
    const onMouse = (e: MouseEvent) => {
      if (e.button !== 3 && e.button !== 4) return
      e.preventDefault()
      history.go(e.button === 3 ? -1 : 1)
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('mouseup', onMouse)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('mouseup', onMouse)
    }
  }, [])
}
