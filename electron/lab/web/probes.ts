import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RouteSpec } from '../scenario/web-schema'
import { answer } from './assistant'

type Limit = NonNullable<RouteSpec['rateLimit']>
type Ai = NonNullable<RouteSpec['ai']>

/** Count a request against a route's window; true when it is over the limit. */
export function overLimit(hits: Map<string, number[]>, key: string, spec: Limit, now = Date.now()): boolean {
  const recent = (hits.get(key) ?? []).filter((t) => now - t < spec.windowMs)
  recent.push(now)
  hits.set(key, recent)
  return recent.length > spec.limit
}

/** The answer of a limited route: 429 (with Retry-After when set), 423 with a lockout message, or a CAPTCHA page. */
export function sendLimited(res: ServerResponse, spec: Limit, base: Record<string, string>): void {
  if (spec.answer === 'lockout') {
    res.writeHead(423, { ...base, 'Content-Type': 'application/json' })
    return void res.end('{"error":"Account temporarily locked: too many failed attempts. Try again later."}')
  }
  if (spec.answer === 'captcha') {
    res.writeHead(403, { ...base, 'Content-Type': 'text/html; charset=utf-8' })
    return void res.end('<!doctype html><title>Just a moment</title><div class="h-captcha" data-sitekey="lab"></div>')
  }
  res.writeHead(429, { ...base, 'Content-Type': 'application/json', ...(spec.retryAfter !== undefined ? { 'Retry-After': String(spec.retryAfter) } : {}) })
  res.end('{"error":"Too many requests"}')
}

/** Read a small request body (at most 64 KB; a longer one is cut off). */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      if (size < 64 * 1024) chunks.push(c)
      size += c.length
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8').slice(0, 64 * 1024)))
    req.on('error', () => resolve(''))
  })
}

/** The rule-based assistant: {"<promptField>": "…"} in, {"answer": "…", "usage": {…}} out; 400 on a body it cannot read. */
export async function serveAssistant(req: IncomingMessage, res: ServerResponse, spec: Ai, headers: Record<string, string>): Promise<void> {
  const text = await readBody(req)
  if (res.destroyed) return
  let prompt: unknown
  try {
    prompt = (JSON.parse(text) as Record<string, unknown>)[spec.promptField]
  } catch {
    prompt = undefined
  }
  if (typeof prompt !== 'string' || !prompt.trim()) {
    res.writeHead(400, { ...headers, 'Content-Type': 'application/json' })
    return void res.end(JSON.stringify({ error: `expected a JSON body with a "${spec.promptField}" string` }))
  }
  const a = answer(spec.mode, prompt, spec.canary)
  const body = JSON.stringify({ answer: a, usage: { promptTokens: Math.ceil(prompt.length / 4), completionTokens: Math.ceil(a.length / 4) } })
  res.writeHead(200, { ...headers, 'Content-Type': 'application/json' })
  res.end(body)
}
