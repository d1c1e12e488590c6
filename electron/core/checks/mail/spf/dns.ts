import { isDnsError } from '../../../net/dns/errors'
import type { Resolver } from '../../../net/dns/resolver'
import { SpfError } from './types'

/** The DNS answers check_host() needs; `void` marks NXDOMAIN or an empty answer (RFC 7208 §4.6.4). */
export interface SpfDns {
  txt(name: string): Promise<{ records: string[]; void: boolean }>
  addrs(name: string, type: 'A' | 'AAAA'): Promise<{ records: string[]; void: boolean }>
  mx(name: string): Promise<{ records: string[]; void: boolean }>
  ptr(name: string): Promise<string[]>
}

const txtString = (d: unknown): string => (Array.isArray(d) ? d.map(String).join('') : String(d))

/** check_host()'s DNS on top of our resolver; DNS failures become temperror. */
export function spfDns(r: Resolver, signal?: AbortSignal): SpfDns {
  const get = async (name: string, type: string) => {
    try {
      const res = await r.lookup(name, type, { signal })
      return { records: res.records.map((x) => x.data), void: res.records.length === 0 }
    } catch (e) {
      if (isDnsError(e)) throw new SpfError('temperror', e.message)
      throw e
    }
  }
  return {
    txt: async (n) => {
      const x = await get(n, 'TXT')
      return { records: x.records.map(txtString), void: x.void }
    },
    addrs: async (n, t) => {
      const x = await get(n, t)
      return { records: x.records.map(String), void: x.void }
    },
    mx: async (n) => {
      const x = await get(n, 'MX')
      return { records: x.records.map((d) => String((d as { exchange: string }).exchange).toLowerCase().replace(/\.$/, '')), void: x.void }
    },
    ptr: async (n) => (await get(n, 'PTR')).records.map((d) => String(d).toLowerCase().replace(/\.$/, '')),
  }
}
