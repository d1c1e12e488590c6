import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { isAbsolute } from 'node:path'

/**
 * Open a launch file (an absolute path: see writeLaunchFile) in the system browser where one
 * exists. Only the file's path goes on the command line (any local user can read a process's
 * arguments), never a URL with a code or token in it. Returns false (and does nothing) on a
 * headless machine or for anything but an existing file, so callers can say "open this yourself".
 */
export function openInBrowser(file: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!isAbsolute(file) || !existsSync(file)) return false
  let cmd: string
  let args: string[]
  if (process.platform === 'darwin') [cmd, args] = ['open', [file]]
  else if (process.platform === 'win32') [cmd, args] = ['cmd', ['/c', 'start', '', file]]
  else {
    if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return false
    ;[cmd, args] = ['xdg-open', [file]]
  }
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true, env })
    child.on('error', () => undefined)
    child.unref()
    return true
  } catch {
    return false
  }
}
