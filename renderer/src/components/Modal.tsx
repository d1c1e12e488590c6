import { useLayoutEffect, useRef, type ReactNode } from 'react'
import { useFocusTrap } from '../hooks/useFocusTrap'

export interface ModalProps {
  /** Id of the element that names the dialog. */
  labelledBy: string
  describedBy?: string
  onClose(): void
  children: ReactNode
  /** dialog: centred card; sheet: panel from the right; palette: top-anchored. */
  variant?: 'dialog' | 'sheet' | 'palette'
  role?: 'dialog' | 'alertdialog'
}

/**
 * A real modal: aria-modal, focus trapped inside and restored on close, Escape and a backdrop
 * click close it (except for sheets: a stray click must not discard a half-filled form). The
 * app shell behind is made inert by App while any modal is open.
 */
export function Modal({ labelledBy, describedBy, onClose, children, variant = 'dialog', role = 'dialog' }: ModalProps) {
  const ref = useRef<HTMLDivElement>(null)
  useFocusTrap(ref)
  const close = useRef(onClose)
  close.current = onClose
  // Escape pressed while focus is not inside (the instant a sheet whose code just arrived opens,
  // or after a click on the page behind): the top-most open modal takes it, from its first frame
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return
      const open = [...document.querySelectorAll('[aria-modal="true"]')].filter((m) => !m.closest('[inert]'))
      if (open[open.length - 1] !== ref.current || ref.current?.contains(e.target as Node)) return
      e.preventDefault()
      close.current()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])
  return (
    <div className={`backdrop backdrop-${variant}`} onMouseDown={(e) => variant !== 'sheet' && e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={`modal modal-${variant}`}
        role={role}
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation()
            onClose()
          }
        }}
      >
        {children}
      </div>
    </div>
  )
}
