import type { Ca } from '../tls/ca'
import type { WebSpec } from '../scenario/web-schema'
import { startWebHost, type WebHost } from './host'

export type { WebHost } from './host'

export interface Web {
  hosts: WebHost[]
  /** Apply new specs to the running hosts (hosts cannot be added or removed while running). */
  update(spec: WebSpec, resolveName: (key: string) => string): void
  close(): Promise<void>
}

/** The primary domain a host belongs to (for the {domain} template). */
export function domainOf(host: string, domains: string[]): string {
  return domains.find((d) => host === d || host.endsWith('.' + d)) ?? domains[0]
}

/** Start every web host of a scenario. `resolveName` turns a key ('www', '@', a full name) into a host name. */
export async function startWeb(spec: WebSpec, domains: string[], ca: Ca, resolveName: (key: string) => string, latencyMs = 0): Promise<Web> {
  const base = latencyMs + (spec.latencyMs ?? 0)
  const hosts: WebHost[] = []
  try {
    for (const [key, h] of Object.entries(spec.hosts)) {
      const name = resolveName(key)
      hosts.push(await startWebHost(name, domainOf(name, domains), h, ca, base))
    }
  } catch (e) {
    await Promise.all(hosts.map((h) => h.close()))
    throw e
  }
  return {
    hosts,
    update(next, resolve) {
      for (const [key, h] of Object.entries(next.hosts)) hosts.find((x) => x.name === resolve(key))?.update(h)
    },
    close: async () => {
      await Promise.all(hosts.map((h) => h.close()))
    },
  }
}
