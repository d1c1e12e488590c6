import type { ConnectToRule, ProviderUrls } from '../core/net/profile'

/** What a running lab exposes (JSON-printable: `handover lab` prints it as one line). */
export interface LabEndpoints {
  scenario: string
  domains: string[]
  /** The lab resolver ("recursive" view), as ip:port. */
  resolver: string
  nameservers: { names: string[]; ip: string; port: number; role: 'ns' | 'tld'; zones: string[] }[]
  web: Record<string, { http?: number; https?: number }>
  /** curl --connect-to arguments for every host:port the lab answers. */
  connectTo: string[]
  /** PEM of the lab CA (what curl --cacert / the profile's extraCaPem trust). */
  caPem: string
  /** The lab CA file, when the lab was started with a `dir`. */
  caFile?: string
  /** The domain a CAA `issue` record names to allow the lab CA. */
  caaIssuer: string
  providers: ProviderUrls
  repos: Record<string, string>
  /** The same repositories as clone URLs over git's smart HTTP protocol (http://git.<first domain>/<name>.git, routed to loopback by a connect-to rule). */
  repoUrls: Record<string, string>
}

/** A connect-to rule as curl spells it. */
export const curlSpec = (r: ConnectToRule): string => `${r.host}:${r.port}:${r.toHost}:${r.toPort}`
