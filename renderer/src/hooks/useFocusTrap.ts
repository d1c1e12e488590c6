import { useEffect, type RefObject } from 'react'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** Elements in `root` that Tab can reach, in order. */
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[inert]') && el.getClientRects().length > 0)
}

/**
 * Keep keyboard focus inside `ref` while mounted: focus the element marked [data-autofocus]
 * (or the first focusable) on open, wrap Tab at both ends, and give focus back to whatever
 * had it before (or to the main content when that element is gone) on close.
 */
export function useFocusTrap(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current
    if (!root) return
    const before = document.activeElement as HTMLElement | null
    const first = root.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(root)[0] ?? root
    first.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Tab') return
      const list = focusables(root)
      if (!list.length) return e.preventDefault()
      const a = list[0]
      const z = list[list.length - 1]
      if (e.shiftKey && (document.activeElement === a || !root.contains(document.activeElement))) {
        e.preventDefault()
        z.focus()
      } else if (!e.shiftKey && (document.activeElement === z || !root.contains(document.activeElement))) {
        e.preventDefault()
        a.focus()
      }
    }
    document.addEventListener('keydown', onKey, true)
    return () => {
      document.removeEventListener('keydown', onKey, true)
      // restore after React commits, so a removed row does not swallow focus
      queueMicrotask(() => {
        // still mounted (React StrictMode re-runs effects in development): keep focus inside
        if (root.isConnected) return
        // focus already went somewhere on purpose (the form put it on what it changed)
        const now = document.activeElement
        if (now && now !== document.body && now.isConnected) return
        if (before && before.isConnected && !before.closest('[inert]')) return before.focus()
        // the opener is gone (a row re-rendered): the dialog still open underneath, else the page
        const under = [...document.querySelectorAll<HTMLElement>('[aria-modal="true"]')].filter((m) => !m.closest('[inert]')).pop()
        ;(under ?? document.getElementById('content'))?.focus()
      })
    }
  }, [ref])
}
