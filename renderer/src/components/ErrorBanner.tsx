import type { ReactNode } from 'react'
import { Icon } from './Icon'

/** What failed and what to do, announced as an alert; with `onRetry`, a "Try again" button. */
export function ErrorBanner({ children, onRetry }: { children: ReactNode; onRetry?: () => void }) {
  return (
    <div className="banner banner-error" role="alert">
      <Icon name="alert" />
      <span>{children}</span>
      {onRetry && (
        <button type="button" className="btn btn-xs" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  )
}
