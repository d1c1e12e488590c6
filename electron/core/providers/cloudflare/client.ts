import type Cloudflare from 'cloudflare'
import type { FetchFn } from '../fetch'
import { withRetry, type RetryPolicy } from '../retry'
import { cloudflareError, expectShape } from './errors'
import { createCloudflareSdk } from './sdk'
import { toMember, toMembership, toRecord, toRuleset, toZone } from './map'
import type { CfMember, CfMembership, CfRecord, CfRuleset, CfTokenStatus, CfZone } from './types'

export const CLOUDFLARE_API = 'https://api.cloudflare.com/client/v4'
const PER_PAGE = 50
/** Bound on pages per listing: 50 × 50 items is far beyond a founder's zone. */
const MAX_PAGES = 50

type Opts = { signal: AbortSignal; maxRetries: 0; timeout: number }
type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

export interface CloudflareClientOptions {
  token: string
  fetch: FetchFn
  baseURL?: string
  timeoutMs: number
  signal?: AbortSignal
  retry?: RetryPolicy
  /** An SDK client to share (one per token and run); by default this client makes its own. */
  sdk?: Promise<Cloudflare>
}

/**
 * Read-only Cloudflare v4 calls through the official SDK. The SDK's own retry is off (it would
 * sleep as long as Retry-After says); ours is bounded and cancellable.
 */
export class CloudflareClient {
  /** Set before the first request runs (the SDK loads on first use). */
  private sdk!: Cloudflare
  private loading?: Promise<Cloudflare>
  constructor(private readonly opts: CloudflareClientOptions) {}

  private async call<T>(fn: (o: Opts) => PromiseLike<T>): Promise<T> {
    this.loading ??= this.opts.sdk ?? createCloudflareSdk({ ...this.opts, baseURL: this.opts.baseURL ?? CLOUDFLARE_API })
    this.sdk ??= await this.loading
    const outer = this.opts.signal
    return withRetry(
      async () => {
        const timeout = AbortSignal.timeout(this.opts.timeoutMs)
        const signal = outer ? AbortSignal.any([outer, timeout]) : timeout
        try {
          return await fn({ signal, maxRetries: 0, timeout: this.opts.timeoutMs })
        } catch (e) {
          throw cloudflareError(e, outer, timeout, this.opts.timeoutMs)
        }
      },
      outer,
      this.opts.retry,
    )
  }

  /** Every item of a page-numbered listing, page by page, bounded. */
  private async listAll(what: string, page: (n: number, o: Opts) => PromiseLike<unknown>): Promise<unknown[]> {
    const out: unknown[] = []
    for (let n = 1; n <= MAX_PAGES; n++) {
      const res = expectShape<{ result: unknown[]; result_info?: Obj }>(await this.call((o) => page(n, o)), (v) => isObj(v) && Array.isArray(v.result), what)
      out.push(...res.result)
      const total = Number(res.result_info?.total_pages)
      if (res.result.length === 0 || (Number.isFinite(total) ? n >= total : res.result.length < PER_PAGE)) break
    }
    return out
  }

  /** GET /user/tokens/verify. */
  async verifyToken(): Promise<CfTokenStatus> {
    const r = expectShape<Obj>(await this.call((o) => this.sdk.user.tokens.verify(o)), (v) => isObj(v) && typeof v.status === 'string', 'token status')
    return { id: String(r.id ?? ''), status: String(r.status), expiresOn: typeof r.expires_on === 'string' ? r.expires_on : undefined }
  }

  /**
   * GET /user/tokens/:id → the token's policies, or null when the token may not read itself
   * (it needs "API Tokens Read"; 403/404 then).
   */
  async tokenPolicies(id: string): Promise<{ effect?: string; groups: string[]; resources: string[] }[] | null> {
    try {
      const t = await this.call((o) => this.sdk.user.tokens.get(id, o))
      const policies = isObj(t) && Array.isArray(t.policies) ? t.policies : []
      return policies.filter(isObj).map((p) => ({
        effect: typeof p.effect === 'string' ? p.effect : undefined,
        groups: Array.isArray(p.permission_groups) ? p.permission_groups.filter(isObj).map((g) => String(g.name ?? g.id ?? '')) : [],
        resources: isObj(p.resources) ? Object.keys(p.resources) : [],
      }))
    } catch (e) {
      const kind = (e as { kind?: string }).kind
      if (kind === 'auth' || kind === 'not_found') return null
      throw e
    }
  }

  /** GET /memberships: accounts the token reaches, with roles and permission grants. */
  async memberships(): Promise<CfMembership[]> {
    const items = await this.listAll('membership list', (page, o) => this.sdk.memberships.list({ page, per_page: PER_PAGE }, o))
    return items.map(toMembership)
  }

  /** GET /zones?name= : the zone for a domain, or null when the account has none. */
  async findZone(name: string): Promise<CfZone | null> {
    const items = await this.listAll('zone list', (page, o) => this.sdk.zones.list({ name, page, per_page: PER_PAGE }, o))
    const zones = items.map(toZone)
    return zones.find((z) => z.name === name.toLowerCase()) ?? null
  }

  /** GET /zones/:id/dns_records (all pages). */
  async dnsRecords(zoneId: string): Promise<CfRecord[]> {
    const items = await this.listAll('DNS record list', (page, o) => this.sdk.dns.records.list({ zone_id: zoneId, page, per_page: PER_PAGE }, o))
    return items.map(toRecord)
  }

  /** GET /zones/:id/settings/:name → the setting's value (null when the plan lacks it: 404). */
  async setting(zoneId: string, id: string): Promise<unknown> {
    try {
      const r = await this.call((o) => this.sdk.zones.settings.get(id, { zone_id: zoneId }, o))
      return expectShape<Obj>(r, (v) => isObj(v) && 'value' in v, `"${id}" setting`).value
    } catch (e) {
      if ((e as { kind?: string }).kind === 'not_found') return null
      throw e
    }
  }

  /** The zone's rulesets in the given phases, with their rules (GET /zones/:id/rulesets, then each). */
  async rulesets(zoneId: string, phases: string[]): Promise<CfRuleset[]> {
    const list: CfRuleset[] = []
    let cursor: string | undefined
    // Cursor pagination (result_info.cursor), bounded like the page-numbered listings.
    for (let n = 0; n < MAX_PAGES; n++) {
      const params = cursor ? { zone_id: zoneId, cursor } : { zone_id: zoneId }
      const page = expectShape<{ result: unknown[]; result_info?: Obj }>(await this.call((o) => this.sdk.rulesets.list(params, o)), (v) => isObj(v) && Array.isArray(v.result), 'ruleset list')
      list.push(...page.result.map(toRuleset))
      const next = page.result_info?.cursor
      if (typeof next !== 'string' || !next || next === cursor || page.result.length === 0) break
      cursor = next
    }
    const wanted = list.filter((r) => phases.includes(r.phase) && r.kind !== 'managed')
    const full: CfRuleset[] = []
    for (const r of wanted) full.push(toRuleset(await this.call((o) => this.sdk.rulesets.get(r.id, { zone_id: zoneId }, o))))
    // Managed rulesets are listed (their presence says WAF managed rules exist) but not expanded.
    return [...full, ...list.filter((r) => r.kind === 'managed')]
  }

  /**
   * GET /accounts/:id/registrar/registrations/:domain (the Registrar API's read of a domain the
   * account owns), or null when this account does not hold it (404).
   */
  async registration(accountId: string, domain: string): Promise<Obj | null> {
    try {
      return expectShape<Obj>(await this.call((o) => this.sdk.registrar.registrations.get(domain, { account_id: accountId }, o)), isObj, 'registration')
    } catch (e) {
      if ((e as { kind?: string }).kind === 'not_found') return null
      throw e
    }
  }

  /** GET /user: the token's user (e-mail, two-factor), or null when the token may not read it. */
  async user(): Promise<{ email: string; twoFactor: boolean | null } | null> {
    try {
      const u = expectShape<Obj>(await this.call((o) => this.sdk.user.get(o)), isObj, 'user')
      return { email: String(u.email ?? '').toLowerCase(), twoFactor: typeof u.two_factor_authentication_enabled === 'boolean' ? u.two_factor_authentication_enabled : null }
    } catch (e) {
      const kind = (e as { kind?: string }).kind
      if (kind === 'auth' || kind === 'not_found') return null
      throw e
    }
  }

  /** GET /accounts/:id/members (all pages). */
  async members(accountId: string): Promise<CfMember[]> {
    const items = await this.listAll('member list', (page, o) => this.sdk.accounts.members.list({ account_id: accountId, page, per_page: PER_PAGE }, o))
    return items.map(toMember)
  }
}
