import { z } from 'zod'

/**
 * Probe declarations: the endpoints the consultant names for the opt-in probes (abuse.rate-limit
 * at login, signup, password reset, invite and AI endpoints; ai.injection at AI endpoints) and the
 * smoke flows http.smoke walks. Probes send traffic a site owner must agree to, so they only run
 * against endpoints a recorded consent lists (see ProbeConsent), with the consent's limits.
 */
export const PROBE_KINDS = ['login', 'signup', 'password-reset', 'invite', 'ai'] as const
export type ProbeKind = (typeof PROBE_KINDS)[number]

/** Hard ceilings no consent can raise (DESIGN.md §4: ≤30 requests per endpoint, ≤10 per second). */
export const PROBE_CEILING = { maxRequests: 30, perSecond: 10, aiCases: 40, aiTokens: 50_000 } as const
export const MAX_PROBE_ENDPOINTS = 10
export const MAX_SMOKE_FLOWS = 5
export const MAX_SMOKE_STEPS = 6

const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'an id of lowercase letters, digits and hyphens (at most 40), like "login"')

/** An http(s) URL without credentials or a fragment. */
export const probeUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => {
    try {
      const u = new URL(s)
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && !u.hash
    } catch {
      return false
    }
  }, 'an http(s) URL without user, password or #fragment, like https://app.example.com/api/login')

export const probeEndpointSchema = z.strictObject({
  /** A short name the consent, evidence and results use ("login", "ai-chat"). */
  id: slug,
  kind: z.enum(PROBE_KINDS),
  url: probeUrlSchema,
  method: z.enum(['POST', 'GET', 'PUT']).default('POST'),
  /**
   * The request body a consultant sees before consenting: {email} becomes a reserved address
   * (probe-N@example.com, RFC 2606), {password} a random wrong password, {n} the request's number,
   * {prompt} the case's prompt (AI endpoints). Default per kind (see defaultBody).
   */
  body: z.string().max(4000).optional(),
  contentType: z.enum(['json', 'form']).default('json'),
  /** AI endpoints: where the answer sits in a JSON response ("answer", "choices.0.message.content"); empty = the whole body. */
  answerPath: z.string().trim().max(200).regex(/^[\w.-]*$/, 'a dotted path like choices.0.message.content').optional(),
  /** AI endpoints: a made-up marker the consultant planted in the system prompt (never a real secret). */
  canary: z.string().trim().min(6, 'a canary is at least 6 characters').max(200).optional(),
})

export const smokeStepSchema = z.strictObject({
  url: probeUrlSchema,
  method: z.enum(['GET', 'POST']).default('GET'),
  /** Form fields for a POST (sent as application/x-www-form-urlencoded); only to staging or preview hosts. */
  form: z.record(z.string().max(100), z.string().max(1000)).optional(),
  expectStatus: z.number().int().min(100).max(599).default(200),
  /** Text the response body must contain. */
  expectText: z.string().max(500).optional(),
})

export const smokeFlowSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  steps: z.array(smokeStepSchema).min(1).max(MAX_SMOKE_STEPS),
})

export const probeSettingsSchema = z
  .strictObject({
    endpoints: z.array(probeEndpointSchema).max(MAX_PROBE_ENDPOINTS).default([]),
    flows: z.array(smokeFlowSchema).max(MAX_SMOKE_FLOWS).default([]),
  })
  .superRefine((s, ctx) => {
    const ids = new Set<string>()
    s.endpoints.forEach((e, i) => {
      if (ids.has(e.id)) ctx.addIssue({ code: 'custom', message: `two endpoints are named "${e.id}"`, path: ['endpoints', i, 'id'] })
      ids.add(e.id)
      if (e.kind === 'ai' && !(e.body ?? '').includes('{prompt}')) ctx.addIssue({ code: 'custom', message: `the AI endpoint "${e.id}" needs a body with a {prompt} placeholder`, path: ['endpoints', i, 'body'] })
    })
  })

export type ProbeEndpoint = z.output<typeof probeEndpointSchema>
export type SmokeFlow = z.output<typeof smokeFlowSchema>
export type ProbeSettings = z.output<typeof probeSettingsSchema>
export type ProbeSettingsInput = z.input<typeof probeSettingsSchema>

/** The limits a consent sets, each at most the ceiling. */
export const probeLimitsSchema = z.strictObject({
  maxRequests: z.number().int().min(1).max(PROBE_CEILING.maxRequests).default(PROBE_CEILING.maxRequests),
  perSecond: z.number().int().min(1).max(PROBE_CEILING.perSecond).default(PROBE_CEILING.perSecond),
  aiCases: z.number().int().min(1).max(PROBE_CEILING.aiCases).default(PROBE_CEILING.aiCases),
  aiTokens: z.number().int().min(100).max(PROBE_CEILING.aiTokens).default(20_000),
})
export type ProbeLimits = z.output<typeof probeLimitsSchema>

/**
 * A site owner's consent to the probes, as recorded: who agreed, who recorded it, when, the exact
 * endpoints (as declared at that moment) and the limits. Chained as `probe.consent`.
 */
export interface ProbeConsent {
  id: string
  givenBy: string
  recordedBy: string
  recordedAt: string
  endpoints: ProbeEndpoint[]
  limits: ProbeLimits
  note: string
  revokedAt: string | null
}

/** The body sent when none is declared: harmless by construction (wrong credentials, reserved addresses). */
export function defaultBody(kind: ProbeKind): string {
  switch (kind) {
    case 'login':
      return '{"email":"{email}","password":"{password}"}'
    case 'signup':
      return '{"email":"{email}","password":"{password}","name":"Probe {n}"}'
    case 'password-reset':
    case 'invite':
      return '{"email":"{email}"}'
    case 'ai':
      return '{"prompt":"{prompt}"}'
  }
}

/** Is this host the domain or under it? Probes and smoke flows only go to the engagement's own hosts. */
export function underDomain(url: string, domain: string): boolean {
  try {
    const h = new URL(url).hostname.toLowerCase().replace(/\.$/, '')
    return h === domain || h.endsWith(`.${domain}`)
  } catch {
    return false
  }
}
