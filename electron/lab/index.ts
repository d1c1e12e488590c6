import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { AppError } from '@shared/errors'
import { DEFAULT_PROFILE, type NetworkProfile } from '../core/net/profile'
import { labConnectTo } from './connect'
import { startDnsServer, type DnsServer } from './dns/server'
import { planDns, type DnsPlan } from './dns/topology'
import { curlSpec, type LabEndpoints } from './endpoints'
import { createRepos } from './git'
import { startGitHttp } from './git/http'
import { startProviders, type ProviderServer } from './providers'
import { applyFixTo, loadScenario } from './scenario/load'
import type { Scenario } from './scenario/schema'
import { LAB_CA_CAA, labCa } from './tls/ca'
import { startWeb, type Web } from './web'
import type { HostConnections } from './web/host'

export type { Scenario } from './scenario/schema'
export type { LabEndpoints } from './endpoints'
export { loadScenario, parseScenario } from './scenario/load'

export interface Lab {
  scenario: Scenario
  profile: NetworkProfile
  endpoints: LabEndpoints
  /** Sandbox API tokens by provider (random per start; in memory only). */
  credentials: Record<string, string>
  /** Requests each web host received so far, by host name and "METHOD /path". */
  requests(): Record<string, Record<string, number>>
  /** Connections each web host accepted so far (HTTP, HTTPS, and of those h2), by host name. */
  connections(): Record<string, HostConnections>
  /** Apply a named `fixes:` entry of the scenario to the running lab. */
  applyFix(name: string): Promise<void>
  close(): Promise<void>
}

/** A web host key of the scenario as a host name: '@' is the primary domain, a bare label goes under it. */
export function hostNameOf(key: string, domains: string[]): string {
  if (key === '@') return domains[0]
  const k = key.toLowerCase().replace(/\.$/, '')
  return k.includes('.') ? k : `${k}.${domains[0]}`
}

/**
 * Start the sandbox internet for a scenario (a loaded scenario, a bundled name or a file path):
 * nameservers, parent (TLD) servers and a resolver view on loopback DNS, web hosts with lab-CA
 * certificates, provider APIs and git repos, all on ephemeral 127.0.0.1 ports. The returned
 * profile is how the engine reaches it; close() releases every socket and timer.
 */
export async function startLab(input: Scenario | string, opts: { latencyMs?: number; dir?: string; caDir?: string } = {}): Promise<Lab> {
  let scenario = typeof input === 'string' ? loadScenario(input) : input
  const latencyMs = opts.latencyMs ?? 0
  const ownDir = opts.dir ? undefined : mkdtempSync(path.join(tmpdir(), 'handover-lab-'))
  const dir = opts.dir ?? ownDir!
  // where the lab CA is kept (default: the lab's dir); labs given one caDir share one CA
  const ca = labCa(opts.caDir ?? opts.dir)
  const toClose: { close(): Promise<void> }[] = []
  const resolveHost = (k: string) => hostNameOf(k, scenario.domains)
  try {
    let plan: DnsPlan = planDns(scenario.dns, latencyMs)
    const dnsServers: DnsServer[] = []
    for (const s of plan.servers) {
      const server = await startDnsServer(s.data)
      dnsServers.push(server)
      toClose.push(server)
    }
    const resolver = await startDnsServer({ ...plan.resolver, recursive: true })
    toClose.push(resolver)
    const web: Web = await startWeb(scenario.web, scenario.domains, ca, resolveHost, latencyMs)
    toClose.push(web)
    const providers: ProviderServer = await startProviders(scenario.providers, { domains: scenario.domains, latencyMs })
    toClose.push(providers)
    const { repos } = await createRepos(scenario.repos, path.join(dir, 'repos'))
    const gitHost = `git.${scenario.domains[0]}`
    const gitHttp = await startGitHttp(repos, gitHost)
    toClose.push(gitHttp)

    const connectTo = [...labConnectTo(plan, dnsServers.map((d) => d.port), web.hosts), { host: gitHost, port: 80, toHost: '127.0.0.1', toPort: gitHttp.port }]
    // labCa(caDir or dir) keeps the CA there as lab-ca.pem.
    const caHome = opts.caDir ?? opts.dir
    const caFile = caHome ? path.join(caHome, 'lab-ca.pem') : undefined
    const profile: NetworkProfile = {
      ...DEFAULT_PROFILE,
      resolvers: [`127.0.0.1:${resolver.port}`],
      connectTo,
      extraCaPem: [ca.certPem],
      providers: providers.urls,
      timeouts: { ...DEFAULT_PROFILE.timeouts },
    }
    const endpoints: LabEndpoints = {
      scenario: scenario.name,
      domains: scenario.domains,
      resolver: profile.resolvers[0],
      nameservers: plan.servers.map((s, i) => ({ names: s.names, ip: s.ip, port: dnsServers[i].port, role: s.role, zones: s.data.zones })),
      web: Object.fromEntries(web.hosts.map((h) => [h.name, { ...(h.httpPort ? { http: h.httpPort } : {}), ...(h.httpsPort ? { https: h.httpsPort } : {}) }])),
      connectTo: connectTo.map(curlSpec),
      caPem: ca.certPem,
      ...(caFile ? { caFile } : {}),
      caaIssuer: LAB_CA_CAA,
      providers: providers.urls,
      repos,
      repoUrls: gitHttp.urls,
    }
    let closed = false
    const lab: Lab = {
      scenario,
      profile,
      endpoints,
      credentials: providers.credentials,
      requests: () => Object.fromEntries(web.hosts.map((h) => [h.name, h.requests()])),
      connections: () => Object.fromEntries(web.hosts.map((h) => [h.name, h.connections()])),
      async applyFix(name) {
        const next = applyFixTo(scenario, name)
        const nextPlan = planDns(next.dns, latencyMs)
        if (JSON.stringify(nextPlan.servers.map((s) => s.ip)) !== JSON.stringify(plan.servers.map((s) => s.ip))) {
          throw new AppError('invalid_input', `fix "${name}" adds or removes nameservers; a fix can change records, not servers`)
        }
        const names = Object.keys(next.web.hosts).map(resolveHost).sort()
        if (JSON.stringify(names) !== JSON.stringify(web.hosts.map((h) => h.name).sort())) {
          throw new AppError('invalid_input', `fix "${name}" adds or removes web hosts; a fix can change hosts, not add them`)
        }
        nextPlan.servers.forEach((s, i) => dnsServers[i].setData(s.data))
        resolver.setData(nextPlan.resolver)
        web.update(next.web, resolveHost)
        if (next.providers) providers.reload(next.providers)
        plan = nextPlan
        scenario = next
        lab.scenario = next
      },
      async close() {
        if (closed) return
        closed = true
        await Promise.all(toClose.map((c) => c.close()))
        if (ownDir) rmSync(ownDir, { recursive: true, force: true })
      },
    }
    return lab
  } catch (e) {
    await Promise.all(toClose.map((c) => c.close()))
    if (ownDir) rmSync(ownDir, { recursive: true, force: true })
    throw e
  }
}
