import type { CheckModule, CheckOutcome, CheckStatus, EvidenceItem } from '../types'
import { consentedEndpoints, consentRef } from '../../probes/gate'
import { burst, type BurstResult } from './lib/burst'

const KINDS = ['login', 'signup', 'password-reset', 'invite', 'ai'] as const

/** One endpoint's verdict in a sentence: limited after how many requests, and how. */
function verdict(b: BurstResult): { status: CheckStatus; line: string } {
  const id = b.endpoint.id
  if (b.limitedAt) {
    const how = b.limitedAt.signal === 'rate-limited' ? `HTTP ${b.limitedAt.status}${b.limitedAt.retryAfter !== undefined ? `, Retry-After ${b.limitedAt.retryAfter} s` : ''}` : b.limitedAt.signal === 'lockout' ? `a lockout (HTTP ${b.limitedAt.status})` : `a CAPTCHA challenge (HTTP ${b.limitedAt.status})`
    return { status: 'pass', line: `${id} limited after ${b.limitedAt.n - 1} requests (${how})` }
  }
  if (b.error && b.requests.every((r) => r.status === undefined)) return { status: 'error', line: `${id} could not be reached (${b.error})` }
  const answered = b.requests.filter((r) => r.status !== undefined)
  const statuses = [...new Set(answered.map((r) => r.status))].join('/')
  return { status: 'fail', line: `${id} answered all ${answered.length} requests (HTTP ${statuses}) with no limit${b.error ? `, then ${b.error}` : ''}` }
}

export const check: CheckModule = {
  meta: {
    id: 'abuse.rate-limit',
    title: 'Login, signup, reset, invite and AI endpoints are rate-limited',
    area: 'abuse',
    stage: 'security',
    why: 'Without a limit, anyone can guess passwords, flood sign-ups and reset e-mails, or run up the AI bill with a script; a limit turns an attack into a trickle.',
    fix: 'Add a rate limit per IP and per account on each endpoint (a Cloudflare rate-limiting rule, or middleware such as express-rate-limit / @upstash/ratelimit) that answers 429 with Retry-After, and lock or challenge an account after repeated failed logins.',
    byHand: { command: 'for i in $(seq 1 30); do curl -s -o /dev/null -w "%{http_code}\\n" -X POST -H "content-type: application/json" -d \'{"email":"probe@example.com","password":"wrong"}\' https://{host}/api/login; done', expect: 'a 429 (or a lockout) well before the 30th line' },
    runbook: 'endpoint-abused',
    scope: 'engagement',
    network: true,
    // 10 endpoints in parallel, each at most 30 requests at ≤10/s (3 s) plus slow answers.
    timeoutMs: 90_000,
  },
  async run(ctx): Promise<CheckOutcome> {
    const gate = consentedEndpoints(ctx, KINDS, 'abuse.rate-limit')
    if (!gate.ok) return gate.outcome
    const { consent, endpoints } = gate
    const bursts = await Promise.all(endpoints.map((ep) => burst(ctx, ep, consent.limits)))
    const verdicts = bursts.map(verdict)
    const evidence: EvidenceItem[] = bursts.map((b, i) => ({
      kind: 'probe.burst',
      label: `${b.endpoint.id}: ${b.requests.length} ${b.endpoint.method} requests to ${b.endpoint.url} (${verdicts[i].status})`,
      data: { endpoint: b.endpoint, consent: consentRef(consent), requests: b.requests, ...(b.last ? { last: b.last } : {}), verdict: verdicts[i].line },
    }))
    const status: CheckStatus = verdicts.some((v) => v.status === 'fail') ? 'fail' : verdicts.some((v) => v.status === 'error') ? 'error' : 'pass'
    const details = {
      consent: consentRef(consent),
      ...(gate.changed.length ? { changedSinceConsent: gate.changed } : {}),
      endpoints: bursts.map((b, i) => ({ id: b.endpoint.id, kind: b.endpoint.kind, url: b.endpoint.url, requests: b.requests.length, limitedAfter: b.limitedAt ? b.limitedAt.n - 1 : null, signal: b.limitedAt?.signal ?? null, status: verdicts[i].status })),
    }
    const lead = status === 'pass' ? 'Every probed endpoint is rate-limited' : status === 'fail' ? 'No limit observed' : 'Some endpoints could not be probed'
    return { status, summary: `${lead}: ${verdicts.map((v) => v.line).join('; ')}.`, details, evidence }
  },
}
