import { Component, type ReactNode } from 'react'
import { CHUNK_UNAVAILABLE } from '../lib/loadOnUse'
import { ErrorBanner } from './ErrorBanner'

/** Browsers' words for a module that could not be fetched (Chromium and Electron, Firefox, Safari). */
const CHUNK_FAILED = /dynamically imported module|error loading dynamically imported|importing a module script failed/i

/**
 * Around a screen (or the engagement form) whose code is fetched on first use: when that fetch
 * fails (browser mode, the console server stopped) or the screen throws while drawing, this
 * explains it in place instead of leaving a blank window. A failed fetch stays failed for the
 * page's life (React keeps a lazy component's error), so the way out is a reload. `resetKey`
 * (the route) clears it when the person goes elsewhere.
 */
export class ScreenBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: Error | null; key: string }> {
  override state = { error: null as Error | null, key: this.props.resetKey }

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { error: Error | null; key: string }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey }
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <ErrorBanner onRetry={() => window.location.reload()}>
        {CHUNK_FAILED.test(error.message) ? CHUNK_UNAVAILABLE : `This screen failed to draw: ${error.message}. Reload the page; if it happens again, the console's log has the details.`}
      </ErrorBanner>
    )
  }
}
