import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { readWorkspaceChoice } from './choice'

export const APP_NAME = 'Handover Console'
export const DB_FILE = 'workspace.sqlite'

/**
 * The OS app-data folder for "Handover Console", the same folder Electron's
 * app.getPath('userData') gives, so the CLI, browser mode and the app share one workspace.
 */
export function defaultWorkspaceDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  if (platform === 'win32') return join(env.APPDATA || join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_NAME)
}

/** `--workspace DIR` wins, then HANDOVER_WORKSPACE, then the folder chosen in the app's Settings, then the OS default. */
export function resolveWorkspaceDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag)
  if (env.HANDOVER_WORKSPACE) return resolve(env.HANDOVER_WORKSPACE)
  const home = defaultWorkspaceDir(env)
  return readWorkspaceChoice(home) ?? home
}
