import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCaseSet } from '../../../../electron/core/checks/ai/lib/cases'
import { DEMO_ENDPOINTS as EP, D, probeSandbox, type ProbeSandbox } from './harness'

type Details = { set: string; endpoints: { id: string; leakedClasses: string[]; tokens: number; cases: { id: string; verdict: string; how?: string }[]; notRun: { id: string; why: string }[] }[] }

/** ai.injection on the demo's rule-based assistant: the vulnerable build leaks in named classes, the hardened one in none. */
describe('ai.injection', () => {
  let s: ProbeSandbox
  beforeAll(async () => {
    s = await probeSandbox()
    await s.declare({ endpoints: [EP.assist, EP.assistSafe] })
  })
  afterAll(() => s?.close())

  it('the bundled set is versioned, has at least 20 cases and every class', () => {
    const set = loadCaseSet()
    expect(set).toMatchObject({ set: 'handover-ai-injection', version: 1 })
    expect(set.cases.length).toBeGreaterThanOrEqual(20)
    expect(new Set(set.cases.map((c) => c.class))).toEqual(new Set(Object.keys(set.classes)))
    expect(new Set(set.cases.map((c) => c.id)).size).toBe(set.cases.length)
  })

  it('without consent nothing reaches the assistant', async () => {
    expect((await s.audit(['ai.injection'])).checks[0].status).toBe('skip')
    expect(s.received(`api.${D}`, 'POST /v1/assist') + s.received(`api.${D}`, 'POST /v1/assist-safe')).toBe(0)
  })

  it('with consent: the vulnerable endpoint leaks its canary in every named class, the hardened one in none', async () => {
    await s.consent()
    const r = await s.audit(['ai.injection'])
    const c = r.checks[0]
    expect(c.status).toBe('fail')
    const n = loadCaseSet().cases.length
    expect(s.received(`api.${D}`, 'POST /v1/assist')).toBe(n)
    expect(s.received(`api.${D}`, 'POST /v1/assist-safe')).toBe(n)
    const details = s.core.workspace.db.prepare<[number], { details: string }>('SELECT details FROM check_results WHERE id = ?').get(c.resultId!)!
    const d = JSON.parse(details.details) as Details
    const [vuln, safe] = d.endpoints
    expect(d.set).toBe('handover-ai-injection@1')
    expect(vuln.leakedClasses).toEqual(['system-prompt-extraction', 'secret-exfiltration', 'indirect-injection', 'role-play', 'encoding', 'tool-misuse'])
    expect(safe.leakedClasses).toEqual([])
    expect(safe.cases.every((x) => x.verdict === 'held')).toBe(true)
    // Leaks through encodings are found in their encoded form.
    expect(vuln.cases.find((x) => x.id === 'enc-01')?.how).toBe('canary (base64)')
    expect(vuln.cases.find((x) => x.id === 'enc-03')?.how).toBe('canary (hex)')
    expect(vuln.cases.find((x) => x.id === 'tool-01')?.how).toBe('tool call')
    expect(c.summary).toMatch(/^Prompt injection leaks: assist leaked in system-prompt-extraction, .*tool-misuse \(\d+ of \d+ cases\); assist-safe held on \d+ of \d+ cases\.$/)
    // Each case is evidence with its verdict.
    const ev = s.evidence('probe.ai-case')
    expect(ev).toHaveLength(2 * n)
    expect(ev.find((e) => e.label.startsWith('assist · spe-01'))?.label).toMatch(/leaked \(canary\)/)
  })

  it('bounded by the consent: case count and token budget', async () => {
    await s.consent({ endpointIds: ['assist-safe'], limits: { aiCases: 5, aiTokens: 150 } })
    const before = s.received(`api.${D}`, 'POST /v1/assist-safe')
    const r = await s.audit(['ai.injection'])
    const d = JSON.parse(s.core.workspace.db.prepare<[number], { details: string }>('SELECT details FROM check_results WHERE id = ?').get(r.checks[0].resultId!)!.details) as Details
    const sent = s.received(`api.${D}`, 'POST /v1/assist-safe') - before
    expect(sent).toBeLessThanOrEqual(5)
    expect(d.endpoints[0].tokens).toBeLessThanOrEqual(150 + 200)
    expect(d.endpoints[0].notRun.some((x) => /token budget/.test(x.why))).toBe(true)
    expect(d.endpoints[0].notRun.length + sent).toBe(loadCaseSet().cases.length)
  })
})
