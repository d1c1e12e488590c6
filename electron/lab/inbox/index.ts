import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** A message the sandbox SMTP server accepted. */
export interface InboxMail {
  from: string
  to: string[]
  /** The raw message (headers and body) as received. */
  raw: string
  subject: string
  /** The body of a single-part text message, transfer encoding undone. */
  text: string
}

/** A request the sandbox webhook receiver accepted. */
export interface InboxHook {
  path: string
  contentType: string
  body: string
}

/** Where notifications go in the sandbox, and what arrived there. */
export interface Inbox {
  /** smtp://USER:PASSWORD@127.0.0.1:PORT (AUTH required, random password per start). */
  smtpUrl: string
  /** http://127.0.0.1:PORT/hooks/<random>: a Slack-compatible incoming webhook. */
  webhookUrl: string
  mails: InboxMail[]
  hooks: InboxHook[]
  close(): Promise<void>
}

const MAX_BYTES = 1024 * 1024
const MAX_MESSAGES = 1000

/** The Subject header of a raw message (folded lines joined). */
function subjectOf(raw: string): string {
  const head = raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ')
  return /^subject:\s*(.*)$/im.exec(head)?.[1]?.trim() ?? ''
}

/**
 * The body of a single-part text message with its Content-Transfer-Encoding undone
 * (quoted-printable or base64; 7bit/8bit as is). Enough for what `watch` sends; the sandbox is
 * not a mail reader, so multipart messages come back raw.
 */
function textOf(raw: string): string {
  const cut = raw.search(/\r?\n\r?\n/)
  if (cut < 0) return ''
  const head = raw.slice(0, cut)
  const body = raw.slice(cut).replace(/^\r?\n\r?\n/, '')
  const enc = /^content-transfer-encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase()
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (enc !== 'quoted-printable') return body
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}

/** Read a stream whole, keeping at most MAX_BYTES; `done` gets what was kept and the full size. */
function collect(stream: NodeJS.ReadableStream, done: (body: Buffer, size: number) => void): void {
  const chunks: Buffer[] = []
  let size = 0
  stream.on('data', (c: Buffer) => {
    size += c.length
    if (size <= MAX_BYTES) chunks.push(c)
  })
  stream.on('end', () => done(Buffer.concat(chunks), size))
}

/** Listen on an ephemeral loopback port; rejects when the server cannot. */
function listenOnLoopback(server: { once(event: 'error', fn: (e: Error) => void): unknown; listen(port: number, host: string, cb: () => void): unknown }): Promise<void> {
  return new Promise((ok, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => ok())
  })
}

/** The SMTP server (smtp-server, the protocol as real mail clients speak it), AUTH PLAIN/LOGIN over plain TCP. */
async function startSmtp(user: string, pass: string, mails: InboxMail[]): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    size: MAX_BYTES,
    banner: 'Handover lab inbox',
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === pass) return cb(null, { user })
      cb(new Error('Invalid username or password'))
    },
    onData(stream, session, cb) {
      collect(stream, (body, size) => {
        if (stream.sizeExceeded || size > MAX_BYTES) return cb(Object.assign(new Error('Message too big'), { responseCode: 552 }))
        const raw = body.toString('utf8')
        if (mails.length < MAX_MESSAGES) mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw, subject: subjectOf(raw), text: textOf(raw) })
        cb()
      })
    },
  })
  await listenOnLoopback(server)
  return { server, port: (server.server.address() as AddressInfo).port }
}

/** The webhook receiver: answers 200 "ok" like Slack to a POST on its one secret path, 404 elsewhere. */
async function startHooks(path: string, hooks: InboxHook[]): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    collect(req, (body, size) => {
      if (req.method !== 'POST' || req.url !== path) return res.writeHead(404).end('no_service')
      if (size > MAX_BYTES) return res.writeHead(413).end('too_large')
      if (hooks.length < MAX_MESSAGES) hooks.push({ path, contentType: String(req.headers['content-type'] ?? ''), body: body.toString('utf8') })
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
    })
  })
  server.requestTimeout = 10_000
  await listenOnLoopback(server)
  return { server, port: (server.address() as AddressInfo).port }
}

/**
 * The sandbox's notification endpoints on loopback: an SMTP server that requires AUTH and keeps
 * what it accepts, and a Slack-compatible webhook receiver. Both bounded in size and count.
 */
export async function startInbox(): Promise<Inbox> {
  const mails: InboxMail[] = []
  const hooks: InboxHook[] = []
  const user = 'watch'
  const pass = `lab-${randomBytes(12).toString('hex')}`
  const hookPath = `/hooks/${randomBytes(12).toString('hex')}`
  const smtp = await startSmtp(user, pass, mails)
  const web = await startHooks(hookPath, hooks).catch(async (e: unknown) => {
    await new Promise<void>((ok) => smtp.server.close(() => ok()))
    throw e
  })
  return {
    smtpUrl: `smtp://${user}:${pass}@127.0.0.1:${smtp.port}`,
    webhookUrl: `http://127.0.0.1:${web.port}${hookPath}`,
    mails,
    hooks,
    async close() {
      web.server.closeAllConnections()
      await Promise.all([new Promise<void>((ok) => smtp.server.close(() => ok())), new Promise<void>((ok) => web.server.close(() => ok()))])
    },
  }
}
