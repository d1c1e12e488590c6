import { ProviderError } from '../errors'
import { requestJson } from '../request'
import { secretParts } from './secrets'
import { hostList, isoDate, type RegistrarClient, type RegistrarDomain, type RegistrarOptions } from './types'

export const PORKBUN_API = 'https://api.porkbun.com/api/json/v3'
/** listAll answers 1000 domains a call; 20 calls is far beyond a founder's portfolio. */
const PAGE = 1000
const MAX_PAGES = 20

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {})
const flag = (v: unknown): boolean | null => (v === undefined || v === null || v === '' ? null : v === true || v === 1 || v === '1' || v === 'yes')

/** Porkbun's own words from an error body (`{"status":"ERROR","message":"..."}`). */
export function porkbunMessage(_status: number, text: string): string | undefined {
  try {
    const m = obj(JSON.parse(text)).message
    return typeof m === 'string' ? m : undefined
  } catch {
    return undefined
  }
}

/**
 * Porkbun API v3: every call a JSON POST carrying `apikey` and `secretapikey`; answers
 * `{"status":"SUCCESS",...}` or `{"status":"ERROR","message":...}`. The API does not name the
 * account a key belongs to, so ownership needs a person's verdict.
 */
export class PorkbunClient implements RegistrarClient {
  readonly registrar = 'porkbun' as const
  private readonly apikey: string
  private readonly secretapikey: string
  constructor(
    secret: string,
    private readonly o: RegistrarOptions,
  ) {
    ;[this.apikey, this.secretapikey] = secretParts('registrar-porkbun', secret, 2, [0, 1])
  }

  private async post(path: string, extra: Obj = {}): Promise<Obj> {
    const url = `${(this.o.baseURL ?? PORKBUN_API).replace(/\/$/, '')}${path}`
    const res = await requestJson({ provider: 'porkbun', fetch: this.o.fetch, url, method: 'POST', json: { apikey: this.apikey, secretapikey: this.secretapikey, ...extra }, signal: this.o.signal, timeoutMs: this.o.timeoutMs, explain: porkbunMessage }).catch((e: unknown) => {
      // Porkbun answers a bad key with 400 or 403 and "Invalid API key": either way the key is rejected.
      if (e instanceof ProviderError && e.kind !== 'rate_limited' && /invalid api key/i.test(e.message)) throw new ProviderError('porkbun', 'auth', e.message, { status: e.status })
      throw e
    })
    const body = obj(res.body)
    if (body.status !== 'SUCCESS') throw new ProviderError('porkbun', /api key/i.test(String(body.message)) ? 'auth' : 'invalid_response', `Porkbun answered ${String(body.status)}: ${String(body.message ?? 'no message')}`)
    return body
  }

  /** POST /ping. */
  async whoami(): Promise<{ identity: string; scopes: string[] }> {
    const b = await this.post('/ping')
    return { identity: `Porkbun API key (calls from ${String(b.yourIp ?? 'unknown IP')})`, scopes: ['domains'] }
  }

  /** Every domain of the account: POST /domain/listAll, 1000 at a time from `start`. */
  async listAll(): Promise<Obj[]> {
    const out: Obj[] = []
    for (let n = 0; n < MAX_PAGES; n++) {
      const b = await this.post('/domain/listAll', { start: String(n * PAGE), includeLabels: 'no' })
      if (!Array.isArray(b.domains)) throw new ProviderError('porkbun', 'invalid_response', 'Porkbun answered without a domains list')
      out.push(...b.domains.map(obj))
      if (b.domains.length < PAGE) break
    }
    return out
  }

  async domain(name: string): Promise<RegistrarDomain | null> {
    const d = (await this.listAll()).find((x) => String(x.domain).toLowerCase() === name.toLowerCase())
    if (!d) return null
    // Nameservers need the domain's own API access; a 400 there should not hide the rest.
    const ns = await this.post(`/domain/getNs/${encodeURIComponent(name)}`).then((b) => hostList(b.ns)).catch(() => null)
    return {
      registrar: 'porkbun',
      domain: name.toLowerCase(),
      account: { name: 'the Porkbun account of this API key', emails: [], twoFactor: null },
      autoRenew: flag(d.autoRenew),
      locked: flag(d.securityLock),
      expiresAt: isoDate(d.expireDate),
      nameservers: ns,
      privacy: flag(d.whoisPrivacy),
      dnssec: null,
      contacts: [],
      raw: { domain: d, nameservers: ns },
    }
  }
}
