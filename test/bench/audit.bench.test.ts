import { join } from 'node:path'
import { afterAll, describe, it } from 'vitest'
import { runAudit } from '../../electron/core/checks/runner'
import { EventBus } from '../../electron/core/events'
import { memoryCredentialSource } from '../../electron/core/vault/sources'
import { openWorkspace, type Workspace } from '../../electron/core/workspace'
import { startLab, type Lab } from '../../electron/lab'
import { tempDir } from '../helpers/tmp'
import { record, round } from './results'

const tmp = tempDir('handover-bench-audit-')
afterAll(() => tmp.cleanup())

async function auditOnce(lab: Lab, ws: Workspace) {
  const s = lab.scenario
  const domain = s.domains[0]
  const e =
    ws.engagements.list().find((x) => x.domain === domain) ??
    ws.engagements.create({ domain, hosts: s.hosts.map((h: { name: string }) => h.name) } as never)
  const credentials = memoryCredentialSource(Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret })))
  return runAudit({ workspace: ws, events: new EventBus(), engagement: e, profile: lab.profile, services: { credentials } })
}

describe('audit benchmarks', () => {
  it('audit.concurrency: the demo audit with 40 ms latency vs its slowest check', async () => {
    const lab = await startLab('demo', { latencyMs: 40 })
    const ws = openWorkspace(join(tmp.dir, 'concurrency'))
    try {
      await auditOnce(lab, ws) // warm-up: certificates, connections, JIT
      const t0 = performance.now()
      const r = await auditOnce(lab, ws)
      const wall = performance.now() - t0
      const slowest = r.checks.reduce((m, c) => (c.durationMs > m.durationMs ? c : m))
      const ratio = wall / slowest.durationMs
      record('audit.concurrency', {
        value: round(ratio),
        unit: 'ratio',
        target: '<= 1.3',
        met: ratio <= 1.3,
        detail: { wallMs: round(wall, 0), slowestMs: slowest.durationMs, slowest: `${slowest.id} ${slowest.target}`, checks: r.checks.length, latencyMs: 40 },
      })
    } finally {
      ws.close()
      await lab.close()
    }
  })

  it('audit.portfolio and memory: 20 sandbox domains at once vs one', async () => {
    const labs = await Promise.all(Array.from({ length: 20 }, () => startLab('demo')))
    const spaces = labs.map((_, i) => openWorkspace(join(tmp.dir, `portfolio-${i}`)))
    let peak = process.memoryUsage().rss
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
    try {
      await auditOnce(labs[0], spaces[0])
      const t0 = performance.now()
      await auditOnce(labs[0], spaces[0])
      const one = performance.now() - t0
      const t1 = performance.now()
      await Promise.all(labs.map((lab, i) => auditOnce(lab, spaces[i])))
      const twenty = performance.now() - t1
      const ratio = twenty / one
      record('audit.portfolio', {
        value: round(ratio),
        unit: 'ratio',
        target: '<= 3',
        met: ratio <= 3,
        detail: { oneMs: round(one, 0), twentyMs: round(twenty, 0), domains: 20, note: 'labs and engine share one process' },
      })
      const mb = peak / 1024 / 1024
      record('memory', {
        value: round(mb, 1),
        unit: 'MB RSS',
        target: '<= 250 MB',
        met: mb <= 250,
        detail: { peakRssMb: round(mb, 1), includes: 'engine plus 20 in-process sandbox labs' },
      })
    } finally {
      clearInterval(timer)
      spaces.forEach((w) => w.close())
      await Promise.all(labs.map((l) => l.close()))
    }
  })
})
