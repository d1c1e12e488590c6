import { parseConnectTo, type ConnectToRule, type NetworkProfile } from '../core/net/profile'
import { applyNetworkSettings, baseProfile } from '../core/settings/profile'
import { readNetworkSettings } from '../core/settings/store'
import type { Workspace } from '../core/workspace'
import type { CredentialSource } from '../core/checks/types'
import { memoryCredentialSource } from '../core/vault/sources'
import { startLab, type Lab } from '../lab'
import { CliExit, EXIT } from './context'

export interface NetworkSession {
  profile: NetworkProfile
  /** Lab tokens in memory; undefined means "use the keychain". */
  credentials?: CredentialSource
  lab?: Lab
  close(): Promise<void>
}

/**
 * A command's profile: its flags (--connect-to rules first, --resolver) over the workspace's
 * saved network settings (the Settings screen's), over the base (the system's or a sandbox's).
 */
export function composeProfile(base: NetworkProfile, workspace: Workspace | undefined, flags: { connectTo?: ConnectToRule[]; resolvers?: string[] } = {}): NetworkProfile {
  const saved = workspace ? applyNetworkSettings(base, readNetworkSettings(workspace.db)?.value ?? null) : base
  const resolvers = flags.resolvers?.length ? { resolvers: flags.resolvers, doh: undefined } : {}
  return { ...saved, ...resolvers, connectTo: [...(flags.connectTo ?? []), ...saved.connectTo] }
}

/**
 * The network a command uses: the real one (optionally with curl-style --connect-to preflight
 * rules), or a sandbox scenario started in-process with --lab, whose sandbox tokens stay in
 * memory and never reach the keychain.
 */
export async function openNetwork(o: { lab?: string; connectTo?: string[]; workspace?: Workspace }): Promise<NetworkSession> {
  let rules
  try {
    rules = (o.connectTo ?? []).map(parseConnectTo)
  } catch (e) {
    throw new CliExit(EXIT.badInput, e instanceof Error ? e.message : String(e))
  }
  if (!o.lab) {
    return { profile: composeProfile(baseProfile(undefined).profile, o.workspace, { connectTo: rules }), close: async () => undefined }
  }
  const lab = await startLab(o.lab)
  const tokens = Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret }))
  return {
    profile: composeProfile(lab.profile, o.workspace, { connectTo: rules }),
    credentials: memoryCredentialSource(tokens),
    lab,
    close: () => lab.close(),
  }
}
