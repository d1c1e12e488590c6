import type { NetworkSettings, SettingsInfo } from '@shared/contract/settings'
import { toErrorInfo, type Transport } from '../transport/types'
import { loadOnUse } from '../lib/loadOnUse'
import type { SliceApi } from './types'
import type { NetworkDraft, NetworkField, NetworkErrors, SettingsState, SettingsActions } from './types/settings'

export type { NetworkDraft, NetworkField, NetworkErrors, SettingsState, SettingsActions } from './types/settings'

export const initialSettings: SettingsState = { info: null, draft: null, errors: {}, busy: null, error: null, test: null, testError: null }

const seconds = (ms: number) => String(Math.round(ms / 100) / 10)

export function draftFromSettings(n: NetworkSettings): NetworkDraft {
  return {
    resolvers: n.resolvers.join('\n'),
    doh: n.doh,
    connectTo: n.connectTo.join('\n'),
    perHostConcurrency: String(n.perHostConcurrency),
    dnsS: seconds(n.timeouts.dnsMs),
    connectS: seconds(n.timeouts.connectMs),
    requestS: seconds(n.timeouts.requestMs),
    checkS: seconds(n.timeouts.checkMs),
  }
}

const TIMEOUT_FIELD: Record<string, NetworkField> = { dnsMs: 'dnsS', connectMs: 'connectS', requestMs: 'requestS', checkMs: 'checkS' }

/** Where a schema issue belongs in the form; list items name their line ("line 2: …"). */
function fieldOf(path: (string | number)[]): { field: NetworkField; line?: number } {
  const [head, next] = path
  if (head === 'timeouts') return { field: TIMEOUT_FIELD[String(next)] ?? 'form' }
  if (head === 'resolvers' || head === 'connectTo') return { field: head, line: typeof next === 'number' ? next + 1 : undefined }
  if (head === 'doh' || head === 'perHostConcurrency') return { field: head }
  return { field: 'form' }
}

/** Group issues by field, as the form shows them (used for both local and core validation). */
export function errorsFromIssues(issues: { path: (string | number)[]; message: string }[]): NetworkErrors {
  const out: NetworkErrors = {}
  for (const i of issues) {
    const { field, line } = fieldOf(i.path)
    const msg = (line ? `line ${line}: ` : '') + i.message
    out[field] = out[field] ? `${out[field]}; ${msg}` : msg
  }
  return out
}

/** Whether the form differs from what is saved. */
export function isDirty(s: Pick<SettingsState, 'info' | 'draft'>): boolean {
  if (!s.info || !s.draft) return false
  return JSON.stringify(s.draft) !== JSON.stringify(draftFromSettings(s.info.network))
}

/** New settings arrived (loaded, saved, or changed elsewhere): keep an edited form as it is. */
export function settingsLoaded(s: SettingsState, info: SettingsInfo, replaceDraft: boolean): SettingsState {
  const keep = !replaceDraft && isDirty(s)
  return { ...s, info, draft: keep ? s.draft : draftFromSettings(info.network), errors: keep ? s.errors : {}, busy: null, error: null }
}

type Api = SliceApi

/** Store actions of the Settings screen's network section. */
export function settingsActions(transport: Transport, set: Api['setState'], get: Api['getState']): SettingsActions {
  const patch = (f: (v: SettingsState) => SettingsState) => set((s) => ({ settings: f(s.settings) }))
  const failed = (e: unknown) => patch((v) => ({ ...v, busy: null, error: toErrorInfo(e) }))
  return {
    async loadSettings() {
      try {
        const info = await transport.call('getSettings')
        patch((v) => settingsLoaded(v, info, false))
      } catch (e) {
        failed(e)
      }
    },
    editNetwork: (p) => patch((v) => (v.draft ? { ...v, draft: { ...v.draft, ...p }, errors: {} } : v)),
    async saveNetwork() {
      const draft = get().settings.draft
      if (!draft) return false
      // the contract's schema (zod) loads with the first save, not with the app
      const input = await loadOnUse(() => import('./networkInput'))
      if (!input.ok) {
        patch((v) => ({ ...v, error: input.error }))
        return false
      }
      const r = input.value.draftToInput(draft)
      if ('errors' in r) {
        patch((v) => ({ ...v, errors: r.errors }))
        return false
      }
      patch((v) => ({ ...v, busy: 'save', error: null }))
      try {
        const info = await transport.call('saveNetworkSettings', r.input)
        patch((v) => settingsLoaded(v, info, true))
        get().toast({ kind: 'success', title: 'Network settings saved', detail: 'The next check run uses them.' })
        return true
      } catch (e) {
        const info = toErrorInfo(e)
        const errors = info.issues?.length ? errorsFromIssues(info.issues.map((i) => ({ path: i.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: i.message }))) : {}
        patch((v) => ({ ...v, busy: null, errors, error: info.issues?.length ? null : info }))
        return false
      }
    },
    async resetNetwork() {
      patch((v) => ({ ...v, busy: 'reset', error: null }))
      try {
        const info = await transport.call('resetNetworkSettings')
        patch((v) => settingsLoaded(v, info, true))
        get().toast({ kind: 'success', title: 'Network settings back to the defaults' })
      } catch (e) {
        failed(e)
      }
    },
    revertNetwork: () => patch((v) => (v.info ? { ...v, draft: draftFromSettings(v.info.network), errors: {} } : v)),
    async testNetwork(name, port) {
      patch((v) => ({ ...v, busy: 'test', test: null, testError: null }))
      try {
        const test = await transport.call('testNetwork', { name, port })
        patch((v) => ({ ...v, busy: null, test }))
      } catch (e) {
        patch((v) => ({ ...v, busy: null, testError: toErrorInfo(e) }))
      }
    },
    settingsChangedElsewhere() {
      if (get().settings.info) void get().loadSettings()
    },
    async showWorkspaceFolder() {
      try {
        await transport.call('showWorkspaceFolder')
      } catch (e) {
        get().toast({ kind: 'error', title: 'Could not show the folder', detail: toErrorInfo(e).message })
      }
    },
    async changeWorkspace() {
      try {
        const r = await transport.call('changeWorkspace')
        if ('relaunching' in r) get().toast({ kind: 'info', title: 'Restarting with the new workspace', detail: r.dir })
      } catch (e) {
        get().toast({ kind: 'error', title: 'The workspace was not changed', detail: toErrorInfo(e).message })
      }
    },
  }
}
