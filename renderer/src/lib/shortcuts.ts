/**
 * Every keyboard shortcut of the app, in one place: the key handlers look their keys up here
 * (useShortcuts binds handlers by these ids) and the `?` sheet lists this table, so the sheet
 * cannot say one thing while the keys do another.
 */
export interface ShortcutDef {
  /** KeyboardEvent.key values that trigger it. */
  keys: readonly string[]
  /** With Ctrl (⌘ on a Mac): works inside text fields too. */
  mod?: boolean
  /** With Alt (⌘ on a Mac): Back and Forward, handled by useHistoryKeys (in the app window only). */
  history?: true
  label: string
  scope: ShortcutScope
}

export type ShortcutScope = 'Everywhere' | 'Engagement page' | 'Sprint board' | 'App window'

export const SHORTCUT_SCOPES: readonly ShortcutScope[] = ['Everywhere', 'Engagement page', 'Sprint board', 'App window']

export const SHORTCUTS = {
  palette: { keys: ['k'], mod: true, label: 'Open the command palette: screens, checks, hosts, results', scope: 'Everywhere' },
  help: { keys: ['?'], label: 'Show these keyboard shortcuts', scope: 'Everywhere' },
  newEngagement: { keys: ['n', 'N'], label: 'New engagement', scope: 'Everywhere' },
  filter: { keys: ['/'], label: 'Filter the engagements list', scope: 'Everywhere' },
  home: { keys: ['Escape'], label: 'Back to the engagements list (when no dialog is open)', scope: 'Everywhere' },
  edit: { keys: ['e'], label: 'Edit the engagement', scope: 'Engagement page' },
  run: { keys: ['r'], label: 'Run everything', scope: 'Sprint board' },
  runFailed: { keys: ['f'], label: 'Re-run the failed items', scope: 'Sprint board' },
  next: { keys: ['j'], label: 'Focus the next item', scope: 'Sprint board' },
  previous: { keys: ['k'], label: 'Focus the previous item', scope: 'Sprint board' },
  waive: { keys: ['w'], label: 'Waive the focused item', scope: 'Sprint board' },
  back: { keys: ['ArrowLeft'], history: true, label: 'Back', scope: 'App window' },
  forward: { keys: ['ArrowRight'], history: true, label: 'Forward', scope: 'App window' },
} as const satisfies Record<string, ShortcutDef>

export type ShortcutId = keyof typeof SHORTCUTS

/** The shortcut a key press means among the given ids, if any (mod shortcuts need Ctrl/⌘, plain ones none). */
export function matchShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>, ids: readonly ShortcutId[]): ShortcutId | null {
  const mod = e.ctrlKey || e.metaKey
  for (const id of ids) {
    const d: ShortcutDef = SHORTCUTS[id]
    if (d.history) continue
    if (!!d.mod !== mod || e.altKey) continue
    if (d.keys.includes(d.mod ? e.key.toLowerCase() : e.key)) return id
  }
  return null
}

/** How a shortcut reads: "Ctrl K", "?", "Alt ←" (⌘ on a Mac). */
export function shortcutLabel(id: ShortcutId, modKey: string, mac: boolean): string {
  const d: ShortcutDef = SHORTCUTS[id]
  const name = (k: string) => ({ ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc' })[k] ?? (k.length === 1 ? k.toUpperCase() : k)
  const first = d.keys[0]!
  const key = first === '?' || first === '/' ? first : name(first)
  if (d.mod) return `${modKey} ${key}`
  if (d.history) return `${mac ? '⌘' : 'Alt'} ${key}`
  return key
}
