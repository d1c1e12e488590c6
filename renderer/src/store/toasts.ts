/** A short message in the corner; failures stay until dismissed, successes fade. */
export interface Toast {
  id: number
  kind: 'success' | 'error' | 'info'
  title: string
  detail?: string
  /** One button on the toast (Undo); the toast stays for `ms` when it has one. */
  action?: { label: string; run(): void }
  /** How long a non-error toast stays, default 5 s. */
  ms?: number
}

export const MAX_TOASTS = 4

/** Add a toast (newest last), keeping at most MAX_TOASTS. */
export function pushToast(list: readonly Toast[], t: Toast): Toast[] {
  return [...list, t].slice(-MAX_TOASTS)
}

/** Remove a toast by id. */
export function dismissToast(list: readonly Toast[], id: number): Toast[] {
  return list.filter((t) => t.id !== id)
}
