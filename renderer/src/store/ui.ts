import type { FieldErrors } from './form'

/** Which screen is showing. */
export type Route =
  | { name: 'engagements' }
  | { name: 'engagement'; id: string }
  | { name: 'sprint'; id: string; /** An item whose sheet is open: `…/sprint/<itemId>`. */ item?: string }
  | { name: 'evidence'; id: string }
  | { name: 'result'; id: string; resultId: number }
  | { name: 'pictures'; id: string }
  | { name: 'runbooks'; id: string }
  | { name: 'vault'; id: string }
  | { name: 'inventory'; id: string }
  | { name: 'handover'; id: string }
  | { name: 'settings' }
  | { name: 'runbook'; id: string; runId: string }

/** The create/edit sheet, when open. */
export type FormState = { mode: 'create'; errors: FieldErrors; busy: boolean } | { mode: 'edit'; id: string; errors: FieldErrors; busy: boolean }

/** A pending destructive action awaiting confirmation. */
export interface ConfirmState {
  kind: 'removeEngagement'
  id: string
  title: string
  busy: boolean
}

export interface UiState {
  route: Route
  form: FormState | null
  confirm: ConfirmState | null
  paletteOpen: boolean
  /** The `?` sheet listing every keyboard shortcut. */
  shortcutsOpen: boolean
  filter: string
  /** The engagement list's order: most recently updated, or most at risk. */
  listSort: 'updated' | 'risk'
}

export const initialUi: UiState = { route: { name: 'engagements' }, form: null, confirm: null, paletteOpen: false, shortcutsOpen: false, filter: '', listSort: 'updated' }

/**
 * After an engagement disappears (here or in another window), leave its page and close any
 * form or confirmation that referred to it.
 */
export function forgetEngagement(s: UiState, id: string): UiState {
  // every route but the list belongs to one engagement
  const route: Route = 'id' in s.route && s.route.id === id ? { name: 'engagements' } : s.route
  const form = s.form?.mode === 'edit' && s.form.id === id ? null : s.form
  const confirm = s.confirm?.id === id ? null : s.confirm
  return { ...s, route, form, confirm }
}

/** A save failed: keep the form open with its errors. */
export function formFailed(s: UiState, errors: FieldErrors): UiState {
  return s.form ? { ...s, form: { ...s.form, errors, busy: false } } : s
}

/** Only one overlay at a time: opening the palette closes nothing else, but is refused under a modal. */
export function canOpenPalette(s: UiState): boolean {
  return !s.form && !s.confirm
}
