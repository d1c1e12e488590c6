import { z } from 'zod'
import { AppError } from '@shared/errors'
import { registerSecret } from '../vault/redact'

/** Where `watch` sends its alerts; read from the environment (a scheduler's secrets), never argv. */
export interface NotifyConfig {
  /** A Slack-compatible incoming webhook (POST `{ "text": … }`). */
  webhook?: string
  email?: { smtpUrl: string; from: string; to: string[] }
}

/** The environment variables `watch` reads (documented in docs/watch.md). */
export const NOTIFY_ENV = {
  webhook: 'HANDOVER_WEBHOOK_URL',
  smtp: 'HANDOVER_SMTP_URL',
  from: 'HANDOVER_MAIL_FROM',
  to: 'HANDOVER_MAIL_TO',
} as const

const email = z.string().trim().email().max(254)

function url(name: string, value: string, schemes: string[]): URL {
  let u: URL
  try {
    u = new URL(value)
  } catch {
    throw new AppError('invalid_input', `${name} is not a URL`)
  }
  if (!schemes.includes(u.protocol)) throw new AppError('invalid_input', `${name} must start with ${schemes.map((s) => `${s}//`).join(' or ')}`)
  return u
}

/**
 * Read and check the notification settings. Each URL is registered as a secret first (a webhook
 * URL is its own credential; an SMTP URL may carry a password), so no message or log can print it.
 */
export function notifyConfig(env: NodeJS.ProcessEnv): NotifyConfig {
  const out: NotifyConfig = {}
  const hook = env[NOTIFY_ENV.webhook]?.trim()
  if (hook) {
    registerSecret(hook)
    url(NOTIFY_ENV.webhook, hook, ['https:', 'http:'])
    out.webhook = hook
  }
  const smtp = env[NOTIFY_ENV.smtp]?.trim()
  if (smtp) {
    registerSecret(smtp)
    const u = url(NOTIFY_ENV.smtp, smtp, ['smtp:', 'smtps:'])
    if (u.password) registerSecret(decodeURIComponent(u.password))
    const from = env[NOTIFY_ENV.from]?.trim() ?? ''
    const to = (env[NOTIFY_ENV.to] ?? '').split(/[,\s]+/).filter(Boolean)
    if (!email.safeParse(from).success) throw new AppError('invalid_input', `${NOTIFY_ENV.from} must be the sender's email address (with ${NOTIFY_ENV.smtp})`)
    if (!to.length || to.length > 20) throw new AppError('invalid_input', `${NOTIFY_ENV.to} must list 1 to 20 recipients, separated by commas`)
    const bad = to.find((t) => !email.safeParse(t).success)
    if (bad) throw new AppError('invalid_input', `${NOTIFY_ENV.to}: "${bad}" is not an email address`)
    out.email = { smtpUrl: smtp, from, to }
  }
  return out
}
