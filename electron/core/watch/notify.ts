import nodemailer from 'nodemailer'
import { request } from 'undici'
import { redact } from '../vault/redact'
import type { NotifyConfig } from './config'
import type { DueAlert } from './state'

const TIMEOUT_MS = 15_000
const MAX_ALERTS_IN_MESSAGE = 50

const KIND: Record<DueAlert['kind'], string> = { regression: 'Regression', 'cert-expiry': 'Certificate', 'domain-expiry': 'Domain' }

/** The message for a set of due alerts: a subject and plain-text lines, grouped by domain. */
export function composeMessage(alerts: DueAlert[]): { subject: string; text: string } {
  const domains = [...new Set(alerts.map((a) => a.domain))].sort()
  const fresh = alerts.filter((a) => a.status === 'new').length
  const reminders = alerts.length - fresh
  const what = [fresh ? `${fresh} new alert${fresh === 1 ? '' : 's'}` : '', reminders ? `${reminders} reminder${reminders === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ')
  const subject = `Handover watch: ${what} for ${domains.length === 1 ? domains[0] : `${domains.length} domains`}`
  const lines: string[] = []
  let shown = 0
  for (const d of domains) {
    lines.push(d)
    for (const a of alerts.filter((x) => x.domain === d)) {
      if (shown++ >= MAX_ALERTS_IN_MESSAGE) break
      const tag = a.status === 'new' ? KIND[a.kind] : `${KIND[a.kind]}, still open since ${a.firstSeen.slice(0, 10)}`
      lines.push(`• [${tag}] ${a.headline}`)
    }
    lines.push('')
  }
  if (alerts.length > MAX_ALERTS_IN_MESSAGE) lines.push(`…and ${alerts.length - MAX_ALERTS_IN_MESSAGE} more: run handover drift for the full list.`)
  lines.push('Sent by handover watch. Each alert is sent once, then as a reminder while it stays open.')
  return { subject, text: redact(lines.join('\n')) }
}

/** POST the message to a Slack-compatible incoming webhook; throws with the status on refusal. */
export async function sendWebhook(url: string, m: { subject: string; text: string }): Promise<void> {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: `*${m.subject}*\n${m.text}` }),
    headersTimeout: TIMEOUT_MS,
    bodyTimeout: TIMEOUT_MS,
  })
  await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined)
  if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`the webhook answered HTTP ${res.statusCode}`)
}

/** Send the message by email over SMTP (nodemailer; STARTTLS when the server offers it, smtps:// for TLS from the start). */
export async function sendEmail(cfg: NonNullable<NotifyConfig['email']>, m: { subject: string; text: string }): Promise<void> {
  const transport = nodemailer.createTransport({ url: cfg.smtpUrl, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS })
  try {
    await transport.sendMail({ from: cfg.from, to: cfg.to, subject: m.subject, text: m.text })
  } finally {
    transport.close()
  }
}
