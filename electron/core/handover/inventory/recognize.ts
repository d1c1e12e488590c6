import type { SystemKind } from '@shared/contract/handover'

/** A third-party service recognised from a URL or host name: its system, name and login page. */
export interface Recognised {
  system: SystemKind
  name: string
  loginUrl: string
}

const SCRIPTS: { re: RegExp; service: Recognised }[] = [
  { re: /(^|\.)js\.stripe\.com$/, service: { system: 'payments', name: 'Stripe', loginUrl: 'https://dashboard.stripe.com/' } },
  { re: /(^|\.)(cdn\.)?paddle\.com$/, service: { system: 'payments', name: 'Paddle', loginUrl: 'https://vendors.paddle.com/' } },
  { re: /(^|\.)lemonsqueezy\.com$/, service: { system: 'payments', name: 'Lemon Squeezy', loginUrl: 'https://app.lemonsqueezy.com/' } },
  { re: /(^|\.)(googletagmanager|google-analytics)\.com$/, service: { system: 'analytics', name: 'Google Analytics', loginUrl: 'https://analytics.google.com/' } },
  { re: /(^|\.)plausible\.io$/, service: { system: 'analytics', name: 'Plausible', loginUrl: 'https://plausible.io/sites' } },
  { re: /(^|\.)usefathom\.com$/, service: { system: 'analytics', name: 'Fathom', loginUrl: 'https://app.usefathom.com/' } },
  { re: /(^|\.)posthog\.com$/, service: { system: 'analytics', name: 'PostHog', loginUrl: 'https://app.posthog.com/' } },
  { re: /(^|\.)static\.cloudflareinsights\.com$/, service: { system: 'analytics', name: 'Cloudflare Web Analytics', loginUrl: 'https://dash.cloudflare.com/' } },
  { re: /(^|\.)sentry-cdn\.com$|(^|\.)sentry\.io$/, service: { system: 'error-tracking', name: 'Sentry', loginUrl: 'https://sentry.io/' } },
  { re: /(^|\.)bugsnag\.com$/, service: { system: 'error-tracking', name: 'Bugsnag', loginUrl: 'https://app.bugsnag.com/' } },
  { re: /(^|\.)rollbar\.com$/, service: { system: 'error-tracking', name: 'Rollbar', loginUrl: 'https://rollbar.com/' } },
]

/** Services recognised from the script URLs the live page loads (third-party hosts only). */
export function servicesFromScripts(urls: readonly string[]): Recognised[] {
  const out = new Map<string, Recognised>()
  for (const u of urls) {
    let host: string
    try {
      host = new URL(u).hostname.toLowerCase()
    } catch {
      continue
    }
    const hit = SCRIPTS.find((s) => s.re.test(host))
    if (hit) out.set(hit.service.name, hit.service)
  }
  return [...out.values()]
}

const MAIL: { re: RegExp; name: string; loginUrl: string }[] = [
  { re: /(google|googlemail)\.com$/, name: 'Google Workspace', loginUrl: 'https://admin.google.com/' },
  { re: /outlook\.com$/, name: 'Microsoft 365', loginUrl: 'https://admin.microsoft.com/' },
  { re: /zoho\.(com|eu)$/, name: 'Zoho Mail', loginUrl: 'https://mailadmin.zoho.com/' },
  { re: /messagingengine\.com$/, name: 'Fastmail', loginUrl: 'https://app.fastmail.com/' },
  { re: /protonmail\.ch$/, name: 'Proton Mail', loginUrl: 'https://account.proton.me/' },
  { re: /mx\.cloudflare\.net$/, name: 'Cloudflare Email Routing', loginUrl: 'https://dash.cloudflare.com/' },
  { re: /improvmx\.com$/, name: 'ImprovMX', loginUrl: 'https://app.improvmx.com/' },
]

/** The mailbox provider behind MX hosts, or the domain's own mail servers. */
export function mailboxProvider(mxHosts: readonly string[], domain: string): { name: string; loginUrl?: string } | null {
  if (!mxHosts.length) return null
  const hit = MAIL.find((m) => mxHosts.some((h) => m.re.test(h)))
  if (hit) return { name: hit.name, loginUrl: hit.loginUrl }
  const own = mxHosts.every((h) => h === domain || h.endsWith(`.${domain}`))
  return { name: own ? `Own mail servers (${mxHosts.join(', ')})` : mxHosts.join(', ') }
}
