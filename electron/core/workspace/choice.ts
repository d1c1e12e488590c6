import { readFileSync, writeFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'

/**
 * Where the workspace folder chosen in the desktop app's Settings is kept: one small JSON file in
 * the app-data folder, read by the app, the CLI and browser mode alike (resolveWorkspaceDir).
 * `--workspace` and HANDOVER_WORKSPACE still win over it.
 */
const FILE = 'workspace-location.json'

export function readWorkspaceChoice(appDataDir: string): string | null {
  try {
    const v = (JSON.parse(readFileSync(join(appDataDir, FILE), 'utf8')) as { dir?: unknown }).dir
    return typeof v === 'string' && isAbsolute(v) ? v : null
  } catch {
    return null
  }
}

export function writeWorkspaceChoice(appDataDir: string, dir: string): void {
  writeFileSync(join(appDataDir, FILE), JSON.stringify({ dir }, null, 2) + '\n')
}

/** The workspace to open: the flag, then the environment, then the remembered choice, then the app's folder. */
export function resolveWorkspaceLocation(o: { flag?: string; env?: string; appDataDir: string }): string {
  return o.flag || o.env || readWorkspaceChoice(o.appDataDir) || o.appDataDir
}
