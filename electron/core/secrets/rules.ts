import type { RawMatch } from './types'

/** A pattern rule for what secretlint's recommended preset lacks or covers only partly. */
interface PatternRule {
  id: string
  title: string
  severity: 'fail' | 'warn'
  re: RegExp
  /** Extra judgement on the matched text (e.g. decode a JWT); false drops the match. */
  accept?: (match: string) => boolean
  /** A key meant for browsers: reported as one to check, never as a leaked secret. */
  publicByDesign?: boolean
}

/** Decode a JWT payload and tell whether it is a Supabase service-role key. */
export function isServiceRoleJwt(token: string): boolean {
  const part = token.split('.')[1]
  if (!part) return false
  try {
    const payload = JSON.parse(Buffer.from(part.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')) as { role?: unknown }
    return payload?.role === 'service_role'
  } catch {
    return false
  }
}

export const PATTERN_RULES: PatternRule[] = [
  { id: 'stripe-live-key', title: 'Stripe live secret key', severity: 'fail', re: /\b(?:sk|rk)_live_[0-9A-Za-z]{16,}/g },
  { id: 'anthropic-key', title: 'Anthropic API key', severity: 'fail', re: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
  {
    id: 'openai-key',
    title: 'OpenAI API key',
    severity: 'fail',
    re: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g,
    // Real keys mix cases and digits; this keeps CSS-ish identifiers ("sk-some-class-name") out.
    accept: (m) => !m.startsWith('sk-ant-') && /\d/.test(m) && /[A-Z]/.test(m) && /[a-z]/.test(m.slice(3)),
  },
  {
    id: 'supabase-service-role',
    title: 'Supabase service-role key (JWT with role service_role)',
    severity: 'fail',
    re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
    accept: isServiceRoleJwt,
  },
  {
    id: 'private-key',
    title: 'Private key',
    severity: 'fail',
    // The header followed by key material (also inside JS strings with "\n" escapes).
    re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----(?:\s|\\n|\\r)+[A-Za-z0-9+/=]{32,}/g,
  },
  { id: 'slack-token', title: 'Slack token', severity: 'fail', re: /\bxox[baprs]-[A-Za-z0-9-]{10,}/g },
  { id: 'github-token', title: 'GitHub token', severity: 'fail', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/g },
  { id: 'aws-access-key-id', title: 'AWS access key id', severity: 'fail', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  // Google keys in browser code are public by design (Firebase web config, Maps JavaScript API):
  // what protects them is their API and referrer restrictions, which only the Google console shows.
  // Stripe publishable keys, Supabase anon JWTs (the role decides, above) and Sentry DSNs have no rule:
  // they are meant for every visitor and never reported.
  { id: 'google-api-key', title: 'Google API key (Firebase web or browser Maps key)', severity: 'warn', re: /\bAIza[0-9A-Za-z_-]{35}/g, publicByDesign: true },
]

// Only obvious placeholders: a lab or leaked key that merely looks fake ("…FAKE…000") still counts.
const PLACEHOLDER = /example|dummy|placeholder|your[_-]?(?:key|token|secret)|x{8,}|changeme|redacted/i

/** Run our pattern rules over a text; placeholders (…EXAMPLE…, xxxxxxxx) are ignored. */
export function matchPatterns(text: string, maxMatches = 500): RawMatch[] {
  const out: RawMatch[] = []
  for (const rule of PATTERN_RULES) {
    rule.re.lastIndex = 0
    for (let m = rule.re.exec(text); m && out.length < maxMatches; m = rule.re.exec(text)) {
      const v = m[0]
      if (PLACEHOLDER.test(v)) continue
      if (rule.accept && !rule.accept(v)) continue
      out.push({ rule: rule.id, title: rule.title, severity: rule.severity, start: m.index, end: m.index + v.length, ...(rule.publicByDesign ? { publicByDesign: true } : {}) })
    }
  }
  return out
}
