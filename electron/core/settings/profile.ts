import type { NetworkSettings, ProfileBase, SettingsInfo } from '@shared/contract/settings'
import { formatConnectTo, parseConnectTo } from '@shared/network'
import { DEFAULT_PROFILE, type NetworkProfile } from '../net/profile'
import { looksOffline } from '../net/offline'
import type { Workspace } from '../workspace'
import { readNetworkSettings } from './store'

/** The settings that change nothing: no own resolver or rules, the base's limits. */
export function defaultSettings(base: NetworkProfile): NetworkSettings {
  return { resolvers: [], doh: '', connectTo: [], perHostConcurrency: base.perHostConcurrency, timeouts: { ...base.timeouts } }
}

/**
 * Saved settings over a base profile (the system's, or a sandbox's). Own resolvers or DoH
 * replace the base's; connect-to rules go first (first match wins), so a preflight rule beats
 * the sandbox's routing; politeness limits and timeouts replace the base's.
 */
export function applyNetworkSettings(base: NetworkProfile, s: NetworkSettings | null): NetworkProfile {
  if (!s) return base
  const ownDns = s.resolvers.length > 0 || s.doh !== ''
  return {
    ...base,
    resolvers: ownDns ? s.resolvers : base.resolvers,
    doh: ownDns ? s.doh || undefined : base.doh,
    connectTo: [...s.connectTo.map(parseConnectTo), ...base.connectTo],
    perHostConcurrency: s.perHostConcurrency,
    timeouts: { ...s.timeouts },
  }
}

/** What the engine runs on before settings: a fixed profile (serve --lab, tests), or the system's network. */
export function baseProfile(fixed: NetworkProfile | undefined): { profile: NetworkProfile; base: ProfileBase } {
  if (fixed) return { profile: fixed, base: 'sandbox' }
  return { profile: { ...DEFAULT_PROFILE, offline: looksOffline() }, base: 'system' }
}

/** The profile checks use now: the workspace's saved settings over the base. */
export function networkProfile(o: { workspace: Workspace; profile?: NetworkProfile }): NetworkProfile {
  return applyNetworkSettings(baseProfile(o.profile).profile, readNetworkSettings(o.workspace.db)?.value ?? null)
}

/** Saved, default and effective settings, as the Settings screen shows them. */
export function settingsInfo(o: { workspace: Workspace; profile?: NetworkProfile }): SettingsInfo {
  const { profile: baseP, base } = baseProfile(o.profile)
  const saved = readNetworkSettings(o.workspace.db)
  const defaults = defaultSettings(baseP)
  const network = saved?.value ?? defaults
  const p = applyNetworkSettings(baseP, saved?.value ?? null)
  return {
    network,
    defaults,
    customised: JSON.stringify(network) !== JSON.stringify(defaults),
    updatedAt: saved?.updatedAt ?? null,
    base,
    effective: {
      resolvers: p.resolvers,
      doh: p.doh ?? '',
      connectTo: p.connectTo.map(formatConnectTo),
      perHostConcurrency: p.perHostConcurrency,
      timeouts: { ...p.timeouts },
      offline: !!p.offline,
    },
  }
}
