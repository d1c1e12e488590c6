import { randomBytes, timingSafeEqual } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** How long a launch code waits for its browser (an unused one expires, a used one never works again). */
export const LAUNCH_TTL_MS = 10 * 60_000

const random = () => randomBytes(32).toString('base64url')

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Browser mode's sessions. The browser is opened with a single-use launch code, never with the
 * API token: the first load of `/launch/<code>` exchanges it for a session cookie (HttpOnly,
 * SameSite=Strict, named after the port) and the code is spent, so a launch URL copied from a
 * terminal, a history or a process list opens nothing. Sessions and codes live in memory only.
 */
export class Sessions {
  readonly cookieName: string
  private readonly codes = new Map<string, number>()
  private readonly ids = new Set<string>()

  constructor(readonly port: number) {
    // Browsers share cookies across ports of 127.0.0.1: the name keeps each server's its own.
    this.cookieName = `handover_session_${port}`
  }

  /** A fresh launch code, good once, for LAUNCH_TTL_MS. */
  mintCode(now = Date.now()): string {
    const code = random()
    this.codes.set(code, now + LAUNCH_TTL_MS)
    return code
  }

  /** Spend a launch code: a new session id, or null when the code is unknown, spent or expired. */
  redeem(code: string, now = Date.now()): string | null {
    let hit: string | undefined
    for (const c of this.codes.keys()) if (same(c, code)) hit = c
    if (!hit) return null
    const expires = this.codes.get(hit)!
    this.codes.delete(hit)
    if (now > expires) return null
    const id = random()
    this.ids.add(id)
    return id
  }

  /** The Set-Cookie value for a session. */
  cookie(id: string): string {
    return `${this.cookieName}=${id}; Path=/; HttpOnly; SameSite=Strict`
  }

  /** Whether the request carries a live session cookie of this server. */
  hasSession(req: IncomingMessage): boolean {
    const header = req.headers.cookie ?? ''
    for (const part of header.split(';')) {
      const [name, ...rest] = part.trim().split('=')
      if (name !== this.cookieName) continue
      const value = rest.join('=')
      for (const id of this.ids) if (same(id, value)) return true
    }
    return false
  }
}

/**
 * A launch file: a page that forwards to the launch URL, readable by this user only (0600 in a
 * 0700 folder), so the browser is opened with a file path on its command line, never a code or
 * a token that another local user could read in `ps`. Returns its path and a remover.
 */
export function writeLaunchFile(url: string): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'handover-launch-'))
  const path = join(dir, 'open-handover-console.html')
  const href = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
  const page = `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${href}"><title>Handover Console</title><p><a href="${href}">Open Handover Console</a></p>\n`
  writeFileSync(path, page, { mode: 0o600 })
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
