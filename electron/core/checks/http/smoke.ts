import type { SmokeFlow } from '@shared/schemas/probes'
import { underDomain } from '@shared/schemas/probes'
import { exchangeData } from '../../net/http/evidence'
import type { CheckContext, CheckModule, CheckOutcome, EvidenceItem } from '../types'

interface StepResult {
  n: number
  request: string
  expected: string
  got: string
  ok: boolean
  unreachable?: boolean
}

const MAX_BODY = 256 * 1024

/** The production deployment host.deploy saw in this run, when it ran before this check. */
function deploymentSeen(deploy: CheckOutcome[]): string | undefined {
  const id = deploy.map((o) => o.details?.current).find((c) => typeof c === 'string')
  return typeof id === 'string' ? id : undefined
}

/** Walk one flow's steps in order; the first step that does not match ends the flow. */
async function walk(ctx: CheckContext, flow: SmokeFlow, evidence: EvidenceItem[]): Promise<StepResult[]> {
  const out: StepResult[] = []
  for (const [i, st] of flow.steps.entries()) {
    if (ctx.signal.aborted) break
    const request = `${st.method} ${st.url}`
    const expected = `HTTP ${st.expectStatus}${st.expectText ? ` with "${st.expectText}"` : ''}`
    // Declarations are checked on save; a stored one off the domain is still never sent.
    if (!underDomain(st.url, ctx.domain)) {
      out.push({ n: i + 1, request, expected, got: `not sent: not on ${ctx.domain}`, ok: false })
      break
    }
    const body = st.method === 'POST' ? new URLSearchParams(st.form ?? {}).toString() : undefined
    try {
      const x = await ctx.services.http.request(st.url, { method: st.method, signal: ctx.signal, maxBytes: MAX_BODY, ...(body !== undefined ? { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}) })
      const text = x.body.toString('utf8')
      const statusOk = x.status === st.expectStatus
      const textOk = !st.expectText || text.includes(st.expectText)
      const got = `HTTP ${x.status}${st.expectText ? (textOk ? ` with "${st.expectText}"` : ` without "${st.expectText}"`) : ''}`
      out.push({ n: i + 1, request, expected, got, ok: statusOk && textOk })
      evidence.push({ kind: 'http.smoke-step', label: `${flow.name} · step ${i + 1}: ${request} → ${got}${statusOk && textOk ? '' : ` (expected ${expected})`}`, data: { flow: flow.name, step: i + 1, expected: { status: st.expectStatus, text: st.expectText ?? null }, ok: statusOk && textOk, exchange: exchangeData(x) } })
      if (!(statusOk && textOk)) break
    } catch (e) {
      const got = `no answer: ${(e as Error).message.split('\n')[0].slice(0, 160)}`
      out.push({ n: i + 1, request, expected, got, ok: false, unreachable: true })
      evidence.push({ kind: 'http.smoke-step', label: `${flow.name} · step ${i + 1}: ${request} → ${got}`, data: { flow: flow.name, step: i + 1, expected: { status: st.expectStatus, text: st.expectText ?? null }, ok: false, error: got } })
      break
    }
  }
  return out
}

export const check: CheckModule = {
  meta: {
    id: 'http.smoke',
    title: 'Declared smoke flows work (staging after a deploy, or on demand)',
    area: 'http',
    stage: 'monitoring',
    why: 'A deploy that breaks sign-in or the dashboard is found by the first customer unless someone walks the key flow right after it; a scripted smoke flow does that in seconds, every time.',
    fix: 'Open the failing step’s evidence: fix what the deploy broke (or roll back to the last good deployment), then run the smoke flow again before promoting to production.',
    byHand: { command: 'curl -s -o /dev/null -w "%{http_code}\\n" https://{host}/login', expect: 'the status each step of the flow expects (and its text in the page)' },
    runbook: 'deploy-broke-production',
    scope: 'engagement',
    network: true,
    timeoutMs: 60_000,
    // Right after a deploy is when a smoke flow matters: a run of host.deploy runs it too.
    follows: ['host.deploy'],
  },
  hasWork: (engagement, services) => (services.recorded?.probeSettings?.(engagement.id).flows.length ?? 0) > 0,
  async run(ctx): Promise<CheckOutcome> {
    const flows = ctx.services.recorded?.probeSettings?.(ctx.engagement.id).flows ?? []
    if (!flows.length) return { status: 'skip', summary: 'No smoke flow declared for this engagement.' }
    const after = deploymentSeen(ctx.earlier?.('host.deploy') ?? [])
    const prefix = after ? `After deployment ${after}: ` : ''
    const evidence: EvidenceItem[] = []
    const results: { name: string; steps: StepResult[]; total: number }[] = []
    for (const f of flows) results.push({ name: f.name, steps: await walk(ctx, f, evidence), total: f.steps.length })
    const broken = results.filter((r) => r.steps.length < r.total || r.steps.some((s) => !s.ok))
    const details = { ...(after ? { afterDeployment: after } : {}), flows: results.map((r) => ({ name: r.name, ok: !broken.includes(r), steps: r.steps, notRun: r.total - r.steps.length })) }
    if (!broken.length) return { status: 'pass', summary: `${prefix}${results.map((r) => `"${r.name}" (${r.total} step${r.total === 1 ? '' : 's'})`).join(', ')} passed`, details, evidence }
    const lines = broken.map((r) => {
      const bad = r.steps.find((s) => !s.ok)
      return bad ? `"${r.name}" failed at step ${bad.n} (${bad.request}: ${bad.got}, expected ${bad.expected})` : `"${r.name}" stopped after ${r.steps.length} of ${r.total} steps`
    })
    const onlyUnreachable = broken.every((r) => r.steps.find((s) => !s.ok)?.unreachable)
    return { status: onlyUnreachable ? 'error' : 'fail', summary: prefix + lines.join('; '), details, evidence }
  },
}
