import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { getCheck } from '../../electron/core/checks/registry'
import { runAudit } from '../../electron/core/checks/runner'
import { CheckStore } from '../../electron/core/checks/persist'
import { EventBus } from '../../electron/core/events'
import { memoryCredentialSource } from '../../electron/core/vault/sources'
import { openWorkspace, type Workspace } from '../../electron/core/workspace'
import { loadScenario } from '../../electron/lab'
import { tempDir } from '../helpers/tmp'
import { routesChain, type RouteRow } from './chain'
import { startLabHost, type RemoteLab } from './labs'
import { machine, record, round } from './results'

const tmp = tempDir('handover-bench-latency-')
afterAll(() => tmp.cleanup())

async function auditOnce(lab: RemoteLab, ws: Workspace) {
  const e = ws.engagements.list().find((x) => x.domain === lab.domain) ?? ws.engagements.create({ domain: lab.domain, hosts: lab.hosts } as never)
  const credentials = memoryCredentialSource(Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret })))
  return runAudit({ workspace: ws, events: new EventBus(), engagement: e, profile: lab.profile, services: { credentials, repos: lab.repos } })
}

/**
 * The demo audit at a network round trip of `latencyMs` (DNS, TCP, TLS and every HTTP exchange;
 * the lab's model) against its slowest necessary chain: the slowest check of the concurrent
 * phase (measured) followed by http.routes' chain (computed from the round trips its sampling
 * rule took, each at the lab's round trip plus the route's server time; ./chain.ts).
 */
async function latencyFigure(latencyMs: number): Promise<void> {
  const host = await startLabHost('demo', 1, latencyMs)
  const ws = openWorkspace(join(tmp.dir, `l${latencyMs}`))
  const scenario = loadScenario('demo')
  try {
    await auditOnce(host.labs[0], ws) // warm-up: certificates, JIT
    const runs = []
    for (let k = 0; k < 2; k++) {
      const t0 = performance.now()
      const r = await auditOnce(host.labs[0], ws)
      const wall = performance.now() - t0
      const timing = (c: { id: string }) => getCheck(c.id)?.meta.phase === 'timing'
      const slowest = r.checks.filter((c) => !timing(c)).reduce((m, c) => (c.durationMs > m.durationMs ? c : m))
      const routes = r.checks.find((c) => c.id === 'http.routes')!
      expect(routes.resultId).toBeDefined()
      const details = new CheckStore(ws.db, ws.evidence).getResult(routes.resultId!)!.details as { routes: RouteRow[] }
      const chain = routesChain(details.routes, scenario, latencyMs)
      const floor = slowest.durationMs + chain.ms
      runs.push({
        wallMs: round(wall, 0),
        floorMs: round(floor, 0),
        ratio: round(wall / floor),
        concurrent: `${slowest.id} ${slowest.target} ${slowest.durationMs} ms (measured)`,
        routesMs: routes.durationMs,
        routesChainMs: round(chain.ms, 0),
        chain: chain.steps,
        status: routes.status,
      })
    }
    // The better of two: other processes on a shared machine only ever add time.
    const best = runs.reduce((a, b) => (a.ratio <= b.ratio ? a : b))
    record(`audit.latency${latencyMs}`, {
      value: best.ratio,
      unit: 'ratio',
      target: '<= 1.3',
      met: best.ratio <= 1.3,
      detail: { latencyMs, ...best, runs: runs.map((x) => ({ wallMs: x.wallMs, floorMs: x.floorMs, ratio: x.ratio })), ...machine() },
    })
  } finally {
    ws.close()
    await host.close()
  }
}

describe('audit at network latency (sandbox lab in a child process, the engine in this one)', () => {
  it('audit.latency40: the demo audit at a 40 ms round trip vs its slowest necessary chain', () => latencyFigure(40))
  it('audit.latency150: the demo audit at a 150 ms round trip vs its slowest necessary chain', () => latencyFigure(150))
})
