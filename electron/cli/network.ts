import { looksOffline } from '../core/net/offline'
import { DEFAULT_PROFILE, parseConnectTo, type NetworkProfile } from '../core/net/profile'
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
 * The network a command uses: the real one (optionally with curl-style --connect-to preflight
 * rules), or a sandbox scenario started in-process with --lab, whose sandbox tokens stay in
 * memory and never reach the keychain.
 */
export async function openNetwork(o: { lab?: string; connectTo?: string[] }): Promise<NetworkSession> {
  let rules
  try {
    rules = (o.connectTo ?? []).map(parseConnectTo)
  } catch (e) {
    throw new CliExit(EXIT.badInput, e instanceof Error ? e.message : String(e))
  }
  if (!o.lab) {
    return { profile: { ...DEFAULT_PROFILE, connectTo: rules, offline: looksOffline() }, close: async () => undefined }
  }
  const lab = await startLab(o.lab)
  const tokens = Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret }))
  return {
    profile: { ...lab.profile, connectTo: [...rules, ...lab.profile.connectTo] },
    credentials: memoryCredentialSource(tokens),
    lab,
    close: () => lab.close(),
  }
}
