import { z } from 'zod'
import { HOST_ROLES, normalizeDomain, normalizeHost } from '@shared/domain'
import { STAGES, VERTICALS } from '@shared/schemas/engagement'
import { inventoryFieldsSchema, SYSTEM_KINDS } from '@shared/contract/handover'
import { MAX_ATTACHMENT_BYTES, safeName } from '../sprint/attachments'

/**
 * The schema every row of an engagement export must pass before anything is written: the same
 * rules the contract applies to what a person types (domain normalised and registrable, hosts
 * under it, bounded names and texts, hashes as hex, attachment names through safeName), plus the
 * shape of each column. A table or column an export carries that has no schema here is refused, and
 * a unit test asserts every engagement table and column of the workspace has one (test/unit/core/transfer-rows.test.ts).
 */
const text = (max: number) => z.string().max(max)
const id = z.string().min(1).max(100).regex(/^[\w:.-]+$/, 'an id')
const int = z.number().int().safe()
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 as hex')
const time = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/, 'an ISO date or time')
const slugId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'a lowercase id')
const nullable = <T extends z.ZodTypeAny>(t: T) => t.nullable().optional()
const jsonText = (max: number, shape: 'object' | 'array') =>
  z.string().max(max).refine((s) => {
    try {
      const v = JSON.parse(s) as unknown
      return shape === 'array' ? Array.isArray(v) : !!v && typeof v === 'object' && !Array.isArray(v)
    } catch {
      return false
    }
  }, `JSON ${shape} text`)

const domain = z.string().refine((d) => {
  const r = normalizeDomain(d)
  return r.ok && r.domain === d
}, 'a normalised, registrable domain')

export const ROW_SCHEMAS: Record<string, z.ZodType<Record<string, unknown>>> = {
  engagements: z.object({
    id,
    client_name: text(200),
    founder_name: text(200),
    founder_email: z.union([z.literal(''), z.string().email().max(254)]),
    domain,
    stage: z.enum(STAGES),
    vertical: z.enum(VERTICALS),
    notes: text(10_000),
    dkim_selectors: jsonText(10_000, 'array').optional(),
    routes: jsonText(10_000, 'array').optional(),
    repos: jsonText(20_000, 'array').optional(),
    // read back through storedList; whatever a file says, an import starts with none (transfer.ts)
    private_targets: jsonText(10_000, 'array').optional(),
    created_at: time,
    updated_at: time,
  }).strict(),
  hosts: z.object({ engagement_id: id, name: text(253), role: z.enum(HOST_ROLES), position: int.min(0).max(1000) }).strict(),
  evidence: z.object({
    id: int.min(1),
    engagement_id: id,
    seq: int.min(1),
    kind: z.string().min(1).max(100),
    label: text(2000),
    check_id: nullable(text(200)),
    target: nullable(text(300)),
    status: nullable(text(40)),
    created_at: time,
    body: z.string().max(16 * 1024 * 1024),
    prev_hash: hex64,
    hash: hex64,
  }).strict(),
  check_runs: z
    .object({ id, engagement_id: id, started_at: time, finished_at: nullable(time), status: text(40), cancelled: z.union([z.literal(0), z.literal(1)]), total: int.min(0), waiting: nullable(jsonText(256 * 1024, 'object')), resumed_by: nullable(id), origin: nullable(z.literal('runbook')) })
    .strict(),
  check_results: z.object({
    id: int.min(1),
    run_id: id,
    engagement_id: id,
    check_id: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9.-]+$/, 'a check id'),
    target: text(300),
    status: z.enum(['pass', 'warn', 'fail', 'error', 'skip']),
    summary: text(4000),
    details: jsonText(8 * 1024 * 1024, 'object'),
    duration_ms: int.min(0),
    evidence_id: nullable(int.min(1)),
    finished_at: time,
  }).strict(),
  sprints: z.object({ id, engagement_id: id, template_id: slugId, started_at: time, ends_at: time, finished_at: nullable(time) }).strict(),
  sprint_items: z.object({
    sprint_id: id,
    item_id: slugId,
    status: nullable(z.string().regex(/^[a-z][a-z-]{0,39}$/, 'an item status')),
    owner: text(200),
    notes: text(20_000),
    fix_order: nullable(int),
    risk_note: text(4000),
    updated_at: time,
  }).strict(),
  waivers: z.object({ id: int.min(1), sprint_id: id, item_id: slugId, reason: text(4000), accepted_by: text(200), expires_at: time, created_at: time, revoked_at: nullable(time) }).strict(),
  attachments: z.object({
    id: int.min(1),
    engagement_id: id,
    sprint_id: nullable(id),
    item_id: nullable(slugId),
    name: z.string().refine((n) => safeName(n) === n, 'a plain file name (no folders, no control characters)'),
    sha256: hex64,
    size: int.min(0).max(MAX_ATTACHMENT_BYTES),
    mime: z.string().max(200).regex(/^[\w.+-]+\/[\w.+-]+$/, 'a media type'),
    created_at: time,
  }).strict(),
  inventory_entries: z.object({
    id,
    engagement_id: id,
    system: z.enum(SYSTEM_KINDS),
    name: text(200),
    position: int,
    fields: z.string().max(100_000).refine((s) => {
      try {
        return inventoryFieldsSchema.safeParse(JSON.parse(s)).success
      } catch {
        return false
      }
    }, 'inventory fields'),
    source: z.enum(['default', 'manual', 'evidence', 'import']),
    updated_at: time,
  }).strict(),
  inventory_seeded: z.object({ engagement_id: id, seeded_at: time }).strict(),
  runbook_runs: z.object({
    id,
    engagement_id: id,
    runbook_id: slugId,
    started_at: time,
    finished_at: nullable(time),
    current_step: nullable(slugId),
    by: text(200),
    inputs: jsonText(100_000, 'object'),
  }).strict(),
  secret_rotations: z.object({
    id: int.min(1),
    engagement_id: id,
    // An exposure key: its source, then a variable name, a rule and masked prefix, or a URL.
    // eslint-disable-next-line no-control-regex
    exposure_key: z.string().min(3).max(300).regex(/^(env-file|site-bundle|repo-history|repo-tree|public-env):[^\u0000-\u001f]+$/, 'an exposure key'),
    rotated_at: time,
    rotated_by: text(200),
    note: text(2000),
    created_at: time,
  }).strict(),
  credential_rotations: z.object({
    id,
    engagement_id: id,
    credential_id: id,
    provider: slugId,
    label: text(200),
    rotated_at: time,
    rotated_by: text(200),
    reason: text(2000),
    status: z.enum(['verified', 'pending', 'failed', 'unverifiable']),
    verified_at: nullable(time),
    verify_error: nullable(text(2000)),
    old_revoked_at: nullable(time),
    created_at: time,
  }).strict(),
  registrar_verdicts: z.object({
    id: int.min(1),
    engagement_id: id,
    holder: text(300),
    founder_controls: z.union([z.literal(0), z.literal(1)]),
    by: text(200),
    note: text(2000),
    recorded_at: time,
  }).strict(),
  probe_settings: z.object({
    engagement_id: id,
    // entries are read back through their schema (probes/settings.ts); a bad one is dropped
    endpoints: jsonText(100_000, 'array'),
    flows: jsonText(100_000, 'array'),
    updated_at: time,
  }).strict(),
  probe_consents: z.object({
    id,
    engagement_id: id,
    given_by: text(200),
    recorded_by: text(200),
    recorded_at: time,
    endpoints: jsonText(100_000, 'array'),
    limits: jsonText(1000, 'object'),
    note: text(2000),
    revoked_at: nullable(time),
  }).strict(),
  change_log: z.object({ id: int.min(1), at: time, engagement_id: nullable(id), entity: text(100), action: text(100), detail: jsonText(100_000, 'object') }).strict(),
  evidence_anchors: z.object({
    id: int.min(1),
    engagement_id: id,
    seq: int.min(0),
    head: hex64,
    purpose: z.enum(['bundle', 'export']),
    signed_at: time,
    statement: text(4000),
    signature: z.string().max(200).regex(/^[A-Za-z0-9+/=]+$/, 'base64'),
    public_key: text(2000),
  }).strict(),
}

/** Hosts must be the engagement's domain or names under it, already normalised. */
export function hostProblem(name: string, engagementDomain: string): string | null {
  const r = normalizeHost(name, engagementDomain)
  if (!r.ok) return r.reason
  return r.domain === name && (name === engagementDomain || name.endsWith(`.${engagementDomain}`)) ? null : `host ${JSON.stringify(name)} is not a normalised name under ${engagementDomain}`
}
