import type { ApiReply, ApiRequest, ProviderApi, World } from '../types'
import { keyValid } from '../world'
import { jsonBody, labDomains } from './data'

/** Porkbun answers `{ status: "ERROR", message }`, HTTP 400 for bad input and keys. */
const fail = (message: string, status = 400): ApiReply => ({ status, body: { status: 'ERROR', message } })
const ok = (extra: Record<string, unknown>): ApiReply => ({ status: 200, body: { status: 'SUCCESS', ...extra } })

const pad = (n: number) => String(n).padStart(2, '0')
/** "2026-08-20 17:52:51", the format Porkbun's listAll uses. */
const porkDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`

const domains = (w: World) => labDomains(w, w.spec.porkbun)

/** Porkbun API v3 (JSON POST; apikey and secretapikey in the body). */
export const porkbunApi: ProviderApi = {
  name: 'porkbun',
  prefix: '/porkbun/api/json/v3',
  auth(req, world) {
    if (req.method !== 'POST') return fail('All HTTP request must use POST.')
    const b = jsonBody(req.body)
    if (typeof b.apikey !== 'string' || typeof b.secretapikey !== 'string') return fail('Invalid API key. (001)')
    if (!keyValid(world, 'registrar-porkbun', `${b.apikey}:${b.secretapikey}`)) return fail('Invalid API key. (002)', 403)
    return undefined
  },
  error(status, message) {
    return fail(status === 429 ? 'Rate limit exceeded. Please slow down.' : message, status)
  },
  routes: [
    { method: 'POST', pattern: '/ping', handle: () => ok({ yourIp: '127.0.0.1' }) },
    {
      method: 'POST',
      pattern: '/domain/listAll',
      handle: (req: ApiRequest, _p, w) => {
        const start = Math.max(0, Number.parseInt(String(jsonBody(req.body).start ?? '0'), 10) || 0)
        const page = domains(w).slice(start, start + 1000)
        return ok({
          domains: page.map((d) => ({
            domain: d.name,
            status: 'ACTIVE',
            tld: d.name.split('.').slice(1).join('.'),
            createDate: porkDate(d.createdAt),
            expireDate: porkDate(d.expiresAt),
            securityLock: d.locked ? '1' : '0',
            whoisPrivacy: d.privacy ? '1' : '0',
            autoRenew: d.autoRenew ? 1 : 0,
            notLocal: 0,
          })),
        })
      },
    },
    {
      method: 'POST',
      pattern: '/domain/getNs/:domain',
      handle: (_req, p, w) => {
        const d = domains(w).find((x) => x.name === p.domain.toLowerCase())
        return d ? ok({ ns: d.nameservers }) : fail('Invalid domain.')
      },
    },
  ],
}
