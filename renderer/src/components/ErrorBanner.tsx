import type { ReactNode } from 'react'
import { Icon } from './Icon'

/**
 * What failed and what to do, announced as an alert; with `onRetry`, a "Try again" button. In a
 * form (`formError`) it is the message for what belongs to no field, and takes focus when it is
 * the first thing wrong (hooks/useErrorFocus.ts).
 */
export function ErrorBanner({ children, onRetry, formError }: { children: ReactNode; onRetry?: () => void; formError?: boolean }) {
  return (
    <div className="banner banner-error" role="alert" tabIndex={formError ? -1 : undefined} data-form-error={formError ? '' : undefined}>
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
