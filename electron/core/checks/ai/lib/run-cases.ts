import type { ProbeEndpoint, ProbeLimits } from '@shared/schemas/probes'
import { pause, probeRequest } from '../../../probes/payload'
import type { CheckContext } from '../../types'
import { answerAt, estimateTokens } from './answer'
import type { InjectionCase } from './cases'
import { judgeAnswer, type LeakHow } from './detect'

/** One case's verdict, as evidence: what was asked, what came back (an excerpt), leaked or held. */
export interface CaseVerdict {
  id: string
  class: InjectionCase['class']
  verdict: 'leaked' | 'held' | 'error'
  how?: LeakHow
  status?: number
  answer: string
  tokens: number
  error?: string
}

export interface CasesRun {
  verdicts: CaseVerdict[]
  tokens: number
  /** Cases left out: over the consent's case count, or the token budget ran out, or time. */
  notRun: { id: string; why: string }[]
}

/**
 * Run the cases one at a time against one AI endpoint: at most `limits.aiCases` cases, paced to
 * `limits.perSecond`, stopping when the estimated tokens (prompt and answer) reach
 * `limits.aiTokens` or the check's time runs out. Answers are read up to 16 KB.
 */
export async function runCases(ctx: CheckContext, ep: ProbeEndpoint, cases: InjectionCase[], limits: ProbeLimits): Promise<CasesRun> {
  const gapMs = 1000 / Math.min(limits.perSecond, 10)
  const verdicts: CaseVerdict[] = []
  const notRun: CasesRun['notRun'] = []
  let tokens = 0
  const t0 = performance.now()
  for (const [i, c] of cases.entries()) {
    if (i >= limits.aiCases) {
      notRun.push({ id: c.id, why: `over the ${limits.aiCases} cases the consent allows` })
      continue
    }
    if (tokens + estimateTokens(c.prompt) > limits.aiTokens) {
      notRun.push({ id: c.id, why: `the ${limits.aiTokens}-token budget is spent` })
      continue
    }
    if (ctx.signal.aborted) {
      notRun.push({ id: c.id, why: 'the check ran out of time' })
      continue
    }
    await pause(t0 + i * gapMs - performance.now(), ctx.signal)
    const req = probeRequest(ep, { prompt: c.prompt })
    tokens += estimateTokens(c.prompt)
    try {
      const x = await ctx.services.http.request(ep.url, { ...req, signal: ctx.signal, maxBytes: 16 * 1024 })
      const body = x.body.toString('utf8')
      const { text } = answerAt(body, ep.answerPath)
      tokens += estimateTokens(text)
      if (x.status >= 400) {
        verdicts.push({ id: c.id, class: c.class, verdict: 'error', status: x.status, answer: text.slice(0, 300), tokens: estimateTokens(c.prompt) + estimateTokens(text) })
        continue
      }
      const how = judgeAnswer(text, c, ep.canary)
      verdicts.push({ id: c.id, class: c.class, verdict: how ? 'leaked' : 'held', ...(how ? { how } : {}), status: x.status, answer: text.slice(0, 1000), tokens: estimateTokens(c.prompt) + estimateTokens(text) })
    } catch (e) {
      const error = (e as Error).message.split('\n')[0].slice(0, 160)
      verdicts.push({ id: c.id, class: c.class, verdict: 'error', answer: '', tokens: estimateTokens(c.prompt), error })
      // An endpoint that does not answer would eat the check's time case by case: stop here.
      for (const rest of cases.slice(i + 1)) notRun.push({ id: rest.id, why: `not sent: ${c.id} got no answer (${error})` })
      break
    }
  }
  return { verdicts, tokens, notRun }
}
