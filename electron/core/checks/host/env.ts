import type { EnvVarName } from '../../providers/hosting/types'
import { apiEvidence } from '../../providers/outcome'
import type { CheckModule, CheckOutcome } from '../types'
import { withHosting } from './lib/hosting'

/** Prefixes that bundlers inline into browser code. */
export const PUBLIC_PREFIXES = ['NEXT_PUBLIC_', 'VITE_', 'REACT_APP_', 'EXPO_PUBLIC_', 'PUBLIC_', 'NUXT_PUBLIC_', 'GATSBY_'] as const

const SECRETISH = /(SECRET|PRIVATE|ADMIN_?KEY|PASSWORD|PASSWD|TOKEN|API_?KEY|SERVICE_?ROLE|ACCESS_?KEY|CREDENTIAL|AUTH_?KEY|SIGNING|DATABASE_URL|DB_URL|CONNECTION_STRING|(^|_)SK(_|$)|WEBHOOK)/
/**
 * Keys meant for every visitor although they look like keys: Stripe/Clerk publishable keys,
 * Supabase anon keys, Firebase web config, browser Maps keys, reCAPTCHA/Turnstile site keys,
 * Sentry DSNs, analytics project keys (PostHog, Segment, Mixpanel, Amplitude), Algolia search keys.
 */
const PUBLIC_OK =
  /(PUBLISHABLE|ANON_?KEY|PUBLIC_?KEY|SITE_?KEY|MAPBOX|MEASUREMENT_ID|POSTHOG_KEY|SENTRY_DSN|FIREBASE_(API_?KEY|AUTH_?DOMAIN|PROJECT_?ID|STORAGE_?BUCKET|MESSAGING_?SENDER_?ID|APP_?ID|DATABASE_?URL|VAPID_?KEY)$|(GOOGLE_)?MAPS_(JS_|JAVASCRIPT_)?API_?KEY|SEGMENT_(WRITE_)?KEY|MIXPANEL_(PROJECT_)?TOKEN|AMPLITUDE_(API_)?KEY|ALGOLIA_(SEARCH|SEARCH_ONLY)_(API_)?KEY|PUSHER_(APP_)?KEY|INTERCOM_APP_ID|RECAPTCHA|TURNSTILE)/
/** Words that make a name secret whatever else it says (a Supabase service_role key stays a failure). */
const ALWAYS_SECRET = /(SECRET|PRIVATE|PASSWORD|PASSWD|SERVICE_?ROLE|ADMIN_?KEY|WEBHOOK)/
/** Public-by-design keys whose protection is a restriction set in their console (API, referrer). */
const RESTRICTABLE = /(FIREBASE_API_?KEY|MAPS_(JS_|JAVASCRIPT_)?API_?KEY)/

/** Whether a variable name looks like it holds a secret. */
export function looksSecret(name: string): boolean {
  const n = name.toUpperCase()
  return SECRETISH.test(n) && (!PUBLIC_OK.test(n) || ALWAYS_SECRET.test(n))
}

/** A public-by-design key behind a public prefix that only its restrictions protect (Firebase web, Maps). */
export function isRestrictablePublicKey(name: string): boolean {
  const n = name.toUpperCase()
  return !looksSecret(n) && RESTRICTABLE.test(n) && PUBLIC_PREFIXES.some((p) => n.startsWith(p))
}

/** A secret-looking name behind a public prefix, e.g. NEXT_PUBLIC_STRIPE_SECRET_KEY. */
export function isPublicSecret(name: string): boolean {
  const n = name.toUpperCase()
  const prefix = PUBLIC_PREFIXES.find((p) => n.startsWith(p))
  return !!prefix && looksSecret(n.slice(prefix.length))
}

/** Judge env var names: public secrets fail; secrets shared by production and preview warn. */
export function judgeEnv(env: EnvVarName[]): Pick<CheckOutcome, 'status' | 'summary'> & { publicSecrets: string[]; shared: string[]; byEnvironment: Record<string, string[]> } {
  const byEnvironment: Record<string, string[]> = {}
  for (const e of env) for (const t of e.environments) (byEnvironment[t] ??= []).push(e.name)
  for (const k of Object.keys(byEnvironment)) byEnvironment[k] = [...new Set(byEnvironment[k])].sort()
  const publicSecrets = [...new Set(env.filter((e) => isPublicSecret(e.name)).map((e) => e.name))].sort()
  const shared = [...new Set(env.filter((e) => looksSecret(e.name) && !isPublicSecret(e.name) && e.environments.includes('production') && e.environments.includes('preview')).map((e) => e.name))].sort()
  const out = { publicSecrets, shared, byEnvironment }
  if (publicSecrets.length) return { status: 'fail', summary: `Secret-looking variables are exposed to the browser by a public prefix: ${publicSecrets.join(', ')}`, ...out }
  if (shared.length) return { status: 'warn', summary: `Production secrets are shared with preview deployments: ${shared.join(', ')}`, ...out }
  const n = new Set(env.map((e) => e.name)).size
  const restrictable = [...new Set(env.filter((e) => isRestrictablePublicKey(e.name)).map((e) => e.name))].sort()
  const note = restrictable.length ? `; ${restrictable.join(', ')} ${restrictable.length === 1 ? 'is a key' : 'are keys'} meant for browsers: check ${restrictable.length === 1 ? 'its' : 'their'} API and referrer restrictions` : ''
  return { status: 'pass', summary: `${n} variable names checked: no secret behind a public prefix, production separate from preview${note}`, ...out }
}

export const check: CheckModule = {
  meta: {
    id: 'host.env',
    title: 'Environment variables: no public secrets',
    area: 'host',
    stage: 'deployment',
    why: 'Anything behind NEXT_PUBLIC_, VITE_ or REACT_APP_ is copied into the JavaScript every visitor downloads, so a secret there is public.',
    fix: 'Rename the variable without the public prefix and read it only on the server (API route or server action). Then rotate the secret at its provider, because it has already been published. Give production its own values, separate from preview.',
    byHand: { command: 'vercel env ls production   (or: netlify env:list --context production)', expect: 'no name that starts with NEXT_PUBLIC_, VITE_ or REACT_APP_ and holds a secret (KEY, SECRET, TOKEN, PASSWORD)' },
    runbook: 'key-leaked',
    scope: 'engagement',
    network: true,
  },
  run: (ctx) =>
    withHosting(ctx, (s, cred) => {
      const v = judgeEnv(s.env)
      return {
        status: v.status,
        summary: v.summary,
        details: { provider: s.provider, project: s.project, owner: s.owner ?? null, publicSecrets: v.publicSecrets, sharedWithPreview: v.shared, names: v.byEnvironment },
        // Names and environments only: values were dropped by the client.
        evidence: [apiEvidence(`${s.provider} environment variable names of ${s.project.name}`, s.env, cred)],
      }
    }),
}
