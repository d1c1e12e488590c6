/** What host.* checks need from a hosting provider; env var VALUES never get this far. */
export type DeployState = 'ready' | 'error' | 'building' | 'canceled' | 'other'

export interface Deployment {
  id: string
  state: DeployState
  /** The provider's own word for the state. */
  rawState: string
  createdAt?: string
  url?: string
  branch?: string
}

export interface EnvVarName {
  name: string
  /** Environments the name is set in: production, preview, development (Netlify contexts mapped). */
  environments: string[]
  type?: string
}

export interface HostingSnapshot {
  provider: 'vercel' | 'netlify'
  project: { id: string; name: string }
  productionBranch?: string
  /** Production deployments, newest first. */
  deployments: Deployment[]
  /** The deployment currently serving production, if the provider says. */
  currentId?: string
  env: EnvVarName[]
  domains: { name: string; verified?: boolean }[]
  /** The account the token belongs to (its email), when the provider says: the inventory's owner. */
  owner?: string
}

export interface HostingClient {
  /** The project/site serving any of these host names (or the only one there is), or null. */
  snapshot(hosts: string[]): Promise<HostingSnapshot | null>
}

/** Whether a project domain list covers one of the engagement's hosts. */
export function coversAny(domains: string[], hosts: string[]): boolean {
  const set = new Set(hosts.map((h) => h.toLowerCase()))
  return domains.some((d) => set.has(d.toLowerCase()))
}
