import { useEffect } from 'react'
import type { Toast } from '../store/toasts'
import { useActions, useApp } from '../hooks/useStore'
import { Icon } from './Icon'

function ToastItem({ t }: { t: Toast }) {
  const { dismissToast } = useActions()
  useEffect(() => {
    // failures stay until read and dismissed; the rest fade after a few seconds
    if (t.kind === 'error') return
    const timer = setTimeout(() => dismissToast(t.id), t.ms ?? 5000)
    return () => clearTimeout(timer)
  }, [t, dismissToast])
  return (
    <div className={`toast toast-${t.kind}`}>
      <span className="toast-icon">
        <Icon name={t.kind === 'success' ? 'check' : t.kind === 'error' ? 'alert' : 'info'} />
      </span>
      <div className="toast-text">
        <strong>{t.title}</strong>
        {t.detail && <span>{t.detail}</span>}
      </div>
      {t.action && (
        <button
          type="button"
          className="btn btn-xs"
          onClick={() => {
            dismissToast(t.id)
            t.action!.run()
          }}
        >
          {t.action.label}
        </button>
      )}
      <button type="button" className="icon-btn" aria-label="Dismiss notification" onClick={() => dismissToast(t.id)}>
        <Icon name="close" size={14} />
      </button>
    </div>
  )
}

/** The notification corner: one polite live region for news, one assertive for failures. */
export function Toasts() {
  const toasts = useApp((s) => s.toasts)
  return (
    <div className="toasts">
      <div role="status" aria-live="polite" className="toast-stack">
        {toasts.filter((t) => t.kind !== 'error').map((t) => (
          <ToastItem key={t.id} t={t} />
        ))}
      </div>
      <div role="alert" aria-live="assertive" className="toast-stack">
        {toasts.filter((t) => t.kind === 'error').map((t) => (
          <ToastItem key={t.id} t={t} />
        ))}
      </div>
    </div>
  )
}
