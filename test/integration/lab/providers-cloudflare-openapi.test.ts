import { readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startProviders, type ProviderServer } from '../../../electron/lab/providers'
import { DOMAINS, fixture } from './providers-fixture'
import { describeConformance } from '../../helpers/conformance'

describeConformance('cloudflare/cloudflare-subset.openapi.json', 'conformance: cloudflare/cloudflare-subset.openapi.json', (file) => {
  /**
   * Every Cloudflare response the sandbox serves must validate against the real API's OpenAPI
   * schema (../shared/conformance/cloudflare), success and failure alike, so the lab cannot drift
   * from the service the checks will meet in production.
   */
  const SPEC_PATH = file
  type Obj = Record<string, unknown>
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as { paths: Record<string, Record<string, { responses: Record<string, Obj> }>>; components: { responses: Record<string, Obj> } }

  const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (a: Ajv) => void
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  // Two known contradictions in Cloudflare's own schema, each narrowed, never skipped wholesale:
  // (1) rulesets_RuleAction says ^[a-z]+$ while the same spec's rule types use set_cache_settings,
  //     managed_challenge, ... (underscores); the real API sends those. Allow the underscore.
  const schemas = (spec.components as unknown as { schemas: Record<string, Obj> }).schemas
  schemas.rulesets_RuleAction = { ...schemas.rulesets_RuleAction, pattern: '^[a-z_]+$' }
  // (2) many 4XX responses are allOf(success shape, failure shape), which no body can satisfy
  //     (success: true and false); validatorFor() checks the failure part, which is what is sent.
  ajv.addSchema({ ...spec, $id: 'cf' })

  const pointer = (...parts: string[]) => parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')

  /** The compiled response schema of `GET <template>` for a status key ("200", "4XX"/"4xx"). */
  function validatorFor(template: string, status: '200' | '4XX'): ValidateFunction {
    const responses = spec.paths[template]?.get?.responses
    if (!responses) throw new Error(`the Cloudflare spec has no GET ${template}`)
    const key = Object.keys(responses).find((k) => k.toUpperCase() === status) as string
    const res = responses[key] as { $ref?: string; content?: Record<string, { schema: { allOf?: { $ref?: string }[] } }> }
    const failure = res.content?.['application/json']?.schema.allOf?.find((s) => s.$ref?.endsWith('-common-failure'))?.$ref
    if (status === '4XX' && failure) return ajv.compile({ $ref: `cf${failure}` })
    const ref = res.$ref
      ? `cf#/components/responses/${pointer(res.$ref.split('/').pop() as string)}/content/${pointer('application/json')}/schema`
      : `cf#/paths/${pointer(template)}/get/responses/${pointer(key)}/content/${pointer('application/json')}/schema`
    return ajv.compile({ $ref: ref })
  }

  /**
   * Validation errors, except OpenAPI `oneOf` alternatives that overlap: the spec lists
   * "memberships" and "memberships with policies" as oneOf, and JSON Schema's oneOf rejects a body
   * that fits both. OpenAPI means "one of these shapes", so several passing alternatives is fine;
   * a oneOf that no alternative passes is still an error.
   */
  function schemaErrors(validate: ValidateFunction, body: unknown): unknown[] {
    if (validate(body)) return []
    return (validate.errors ?? []).filter((e) => !(e.keyword === 'oneOf' && Array.isArray((e.params as { passingSchemas?: unknown }).passingSchemas))).slice(0, 5)
  }

  let lab: ProviderServer
  let zoneId: string
  let accountId: string
  const walked = new Set<string>()

  beforeAll(async () => {
    lab = await startProviders(fixture(), { domains: DOMAINS })
  })
  afterAll(async () => {
    await lab?.close()
  })

  async function get(path: string, token = lab.credentials.cloudflare): Promise<{ status: number; body: Obj; headers: Headers }> {
    const res = await fetch(`${lab.urls.cloudflare}${path}`, { headers: { authorization: `Bearer ${token}` } })
    return { status: res.status, body: (await res.json()) as Obj, headers: res.headers }
  }

  /** GET `path`, expect `status`, and validate the body against the template's schema. */
  async function check(template: string, path: string, status = 200): Promise<Obj> {
    const res = await get(path)
    expect(res.status, `${path}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(status)
    const validate = validatorFor(template, status === 200 ? '200' : '4XX')
    expect(schemaErrors(validate, res.body), `GET ${path} must match the OpenAPI schema`).toEqual([])
    walked.add(`${template} ${status === 200 ? '200' : '4XX'}`)
    return res.body
  }

  describe('sandbox Cloudflare v4 against the real OpenAPI schema', () => {
    it('GET /user/tokens/verify', async () => {
      const body = await check('/user/tokens/verify', '/user/tokens/verify')
      expect(body.result).toMatchObject({ status: 'active' })
    })

    it('GET /memberships and /accounts/:id/members (+ one member)', async () => {
      const body = await check('/memberships', '/memberships')
      const result = body.result as Obj[]
      accountId = (result[0].account as Obj).id as string
      expect(result[0].roles).toEqual(['Administrator'])
      const members = await check('/accounts/{account_id}/members', `/accounts/${accountId}/members`)
      const list = members.result as Obj[]
      expect(list.map((m) => (m.user as Obj).email)).toContain('founder@launch.example')
      await check('/accounts/{account_id}/members/{member_id}', `/accounts/${accountId}/members/${list[0].id as string}`)
    })

    it('GET /zones (?name=) and /zones/:id', async () => {
      const body = await check('/zones', '/zones?name=launch.example')
      const zones = body.result as Obj[]
      expect(zones).toHaveLength(1)
      zoneId = zones[0].id as string
      await check('/zones', '/zones?name=absent.example')
      await check('/zones/{zone_id}', `/zones/${zoneId}`)
    })

    it('GET /zones/:id/dns_records (+ one record)', async () => {
      const body = await check('/zones/{zone_id}/dns_records', `/zones/${zoneId}/dns_records`)
      const records = body.result as Obj[]
      expect(records.find((r) => r.name === 'origin.launch.example')).toMatchObject({ proxied: false, content: '203.0.113.10' })
      await check('/zones/{zone_id}/dns_records/{dns_record_id}', `/zones/${zoneId}/dns_records/${records[0].id as string}`)
    })

    it('GET /zones/:id/settings and every setting the checks read', async () => {
      await check('/zones/{zone_id}/settings', `/zones/${zoneId}/settings`)
      for (const id of ['ssl', 'always_use_https', 'min_tls_version', 'automatic_https_rewrites', 'security_level', 'waf']) {
        const body = await check('/zones/{zone_id}/settings/{setting_id}', `/zones/${zoneId}/settings/${id}`)
        expect((body.result as Obj).id).toBe(id)
      }
    })

    it('GET /zones/:id/rulesets, each ruleset, and a phase entrypoint', async () => {
      const body = await check('/zones/{zone_id}/rulesets', `/zones/${zoneId}/rulesets`)
      const list = body.result as Obj[]
      expect(list.map((r) => r.phase)).toEqual(expect.arrayContaining(['http_ratelimit', 'http_request_cache_settings', 'http_request_firewall_managed']))
      for (const rs of list) await check('/zones/{zone_id}/rulesets/{ruleset_id}', `/zones/${zoneId}/rulesets/${rs.id as string}`)
      const entry = await check('/zones/{zone_id}/rulesets/phases/{ruleset_phase}/entrypoint', `/zones/${zoneId}/rulesets/phases/http_ratelimit/entrypoint`)
      expect(((entry.result as Obj).rules as Obj[])[0]).toMatchObject({ action: 'block' })
    })

    it('failures match the 4XX schemas too', async () => {
      await check('/zones/{zone_id}', '/zones/0123456789abcdef0123456789abcdef', 404)
      await check('/zones/{zone_id}/rulesets/{ruleset_id}', `/zones/${zoneId}/rulesets/0123456789abcdef0123456789abcdef`, 404)
      await check('/zones/{zone_id}/rulesets/phases/{ruleset_phase}/entrypoint', `/zones/${zoneId}/rulesets/phases/http_request_origin/entrypoint`, 404)
      const bad = await get('/zones', 'not-the-token')
      expect(bad.status).toBe(403)
      expect(schemaErrors(validatorFor('/zones', '4XX'), bad.body)).toEqual([])
      const badVerify = await get('/user/tokens/verify', 'not-the-token')
      expect(badVerify.status).toBe(401)
      expect(schemaErrors(validatorFor('/user/tokens/verify', '4XX'), badVerify.body)).toEqual([])
    })

    it('planted faults (401, 403, 404, 429, 500) answer in the schema’s failure shape', async () => {
      const faulty = await startProviders(
        fixture({ faults: [401, 403, 404, 429, 500].map((status) => ({ provider: 'cloudflare' as const, path: `/zones/s${status}`, status })) }),
        { domains: DOMAINS },
      )
      try {
        for (const status of [401, 403, 404, 429, 500]) {
          const res = await fetch(`${faulty.urls.cloudflare}/zones/s${status}`, { headers: { authorization: `Bearer ${faulty.credentials.cloudflare}` } })
          expect(res.status).toBe(status)
          expect(schemaErrors(validatorFor('/zones/{zone_id}', '4XX'), await res.json()), String(status)).toEqual([])
        }
      } finally {
        await faulty.close()
      }
    })

    it('the walk covered every GET endpoint the sandbox serves that the schema describes', () => {
      const served = ['/user/tokens/verify', '/memberships', '/accounts/{account_id}/members', '/accounts/{account_id}/members/{member_id}', '/zones', '/zones/{zone_id}', '/zones/{zone_id}/dns_records', '/zones/{zone_id}/dns_records/{dns_record_id}', '/zones/{zone_id}/settings', '/zones/{zone_id}/settings/{setting_id}', '/zones/{zone_id}/rulesets', '/zones/{zone_id}/rulesets/{ruleset_id}', '/zones/{zone_id}/rulesets/phases/{ruleset_phase}/entrypoint']
      for (const t of served) expect(walked.has(`${t} 200`), t).toBe(true)
    })
  })
})
