import { ProviderError } from '../errors'
import type { FetchFn } from '../fetch'
import { requestJson } from '../request'
import { BOOTSTRAP_MAX_AGE_MS, parseBootstrap, rdapBaseFor, readCachedBootstrap, writeCachedBootstrap, type Bootstrap } from './bootstrap'
import { parseRdapDomain, type RdapDomain } from './parse'

export const IANA_DNS_BOOTSTRAP = 'https://data.iana.org/rdap/dns.json'

export interface RdapClientOptions {
  fetch: FetchFn
  /** Bootstrap URL (the profile's, the lab's, or IANA's). */
  bootstrapUrl?: string
  /** Folder for the cached bootstrap file (the workspace); none → kept in memory for this process. */
  cacheDir?: string
  timeoutMs: number
}

export interface RdapLookup {
  domain: RdapDomain
  /** The URL that answered. */
  url: string
  /** Where the bootstrap came from: a fresh download, the cache, or a stale cache (offline). */
  bootstrap: 'fetched' | 'cache' | 'stale-cache'
}

/** Without a cache folder the bootstrap is still kept per process, so one audit fetches it once. */
const memory = new Map<string, { data: Bootstrap; at: number }>()

/** RDAP over the IANA bootstrap, with the bootstrap cached on disk and refreshed after a day. */
export class RdapClient {
  constructor(private readonly opts: RdapClientOptions) {}

  /** Load the bootstrap: cache when younger than a day, else download (falling back to a stale cache). */
  async bootstrap(signal?: AbortSignal): Promise<{ data: Bootstrap; source: RdapLookup['bootstrap'] }> {
    const url = this.opts.bootstrapUrl ?? IANA_DNS_BOOTSTRAP
    const mem = memory.get(url)
    const cached = this.opts.cacheDir ? readCachedBootstrap(this.opts.cacheDir, url) : mem && { data: mem.data, ageMs: Date.now() - mem.at }
    if (cached && cached.ageMs >= 0 && cached.ageMs < BOOTSTRAP_MAX_AGE_MS) return { data: cached.data, source: 'cache' }
    try {
      const res = await requestJson({ provider: 'rdap', fetch: this.opts.fetch, url, signal, timeoutMs: this.opts.timeoutMs, follow: true })
      const data = parseBootstrap(res.body)
      if (this.opts.cacheDir) writeCachedBootstrap(this.opts.cacheDir, url, data)
      else memory.set(url, { data, at: Date.now() })
      return { data, source: 'fetched' }
    } catch (e) {
      if (cached && !(e instanceof ProviderError && e.kind === 'cancelled')) return { data: cached.data, source: 'stale-cache' }
      throw e
    }
  }

  /** Look a domain up at its registry's RDAP server. */
  async lookup(domain: string, signal?: AbortSignal): Promise<RdapLookup> {
    const boot = await this.bootstrap(signal)
    const base = rdapBaseFor(boot.data, domain)
    if (!base) throw new ProviderError('rdap', 'not_found', `no RDAP service is published for the top-level domain of ${domain}`)
    const url = `${base}domain/${encodeURIComponent(domain)}`
    try {
      const res = await requestJson({
        provider: 'rdap',
        fetch: this.opts.fetch,
        url,
        signal,
        timeoutMs: this.opts.timeoutMs,
        follow: true,
        headers: { accept: 'application/rdap+json, application/json' },
      })
      return { domain: parseRdapDomain(res.body), url, bootstrap: boot.source }
    } catch (e) {
      if (e instanceof ProviderError && e.kind === 'not_found') throw new ProviderError('rdap', 'not_found', `the registry has no RDAP record for ${domain} (404)`)
      throw e
    }
  }
}
