import type { SystemKind } from '@shared/contract/handover'

/** Which inventory system a secret belongs to and where it is rotated, from its name or finding title. */
const RULES: { re: RegExp; system: SystemKind; provider: string }[] = [
  { re: /stripe|sk_live|rk_live|whsec_/i, system: 'payments', provider: 'Stripe' },
  { re: /paddle|lemon_?squeezy/i, system: 'payments', provider: 'the payment provider' },
  { re: /database|postgres|mysql|mongo|db_?url|db_?pass|supabase_service|planetscale|neon/i, system: 'database', provider: 'the database' },
  { re: /aws|akia|amazon/i, system: 'custom', provider: 'AWS' },
  { re: /openai|anthropic|sk-proj/i, system: 'custom', provider: 'the AI provider' },
  { re: /github|gh[pousr]_/i, system: 'source-repo', provider: 'GitHub' },
  { re: /sendgrid|postmark|mailgun|resend|ses_|smtp/i, system: 'email-sending', provider: 'the email sending service' },
  { re: /sentry/i, system: 'error-tracking', provider: 'Sentry' },
  { re: /cloudflare|cf_api/i, system: 'cdn', provider: 'Cloudflare' },
  { re: /vercel|netlify/i, system: 'hosting', provider: 'the hosting provider' },
]

/** The system and provider of a secret; the app's own secrets (sessions, JWT) live in hosting. */
export function classifySecret(name: string): { system: SystemKind; provider: string } {
  const hit = RULES.find((r) => r.re.test(name))
  return hit ? { system: hit.system, provider: hit.provider } : { system: 'hosting', provider: 'the hosting environment' }
}
