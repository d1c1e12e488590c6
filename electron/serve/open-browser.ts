import { spawn } from 'node:child_process'

/**
 * Open a URL in the system browser where one exists. Returns false (and does nothing) on a
 * headless machine, so callers can say "open this URL yourself".
 */
export function openInBrowser(url: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!/^https?:\/\//.test(url)) return false
  let cmd: string
  let args: string[]
  if (process.platform === 'darwin') [cmd, args] = ['open', [url]]
  else if (process.platform === 'win32') [cmd, args] = ['cmd', ['/c', 'start', '', url]]
  else {
    if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return false
    ;[cmd, args] = ['xdg-open', [url]]
  }
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true })
    child.on('error', () => undefined)
    child.unref()
    return true
  } catch {
    return false
  }
}
