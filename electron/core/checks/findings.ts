import type { CheckOutcome, CheckStatus } from './types'

/** One thing a check found, with the status it alone would give. */
export interface Finding {
  status: CheckStatus
  text: string
}

const RANK: Record<CheckStatus, number> = { skip: 0, pass: 1, warn: 2, fail: 3, error: 4 }

/**
 * Every finding of a check in one summary, worst first (a worse finding never hides the
 * others); the status is the worst one's. No findings: `pass` with the given summary.
 */
export function judgeFindings(findings: Finding[], passSummary: string): Pick<CheckOutcome, 'status' | 'summary'> {
  if (!findings.length) return { status: 'pass', summary: passSummary }
  // Stable: findings of equal rank keep the order the check found them in.
  const sorted = findings.map((f, i) => ({ f, i })).sort((a, b) => RANK[b.f.status] - RANK[a.f.status] || a.i - b.i)
  return { status: sorted[0].f.status, summary: sorted.map((x) => x.f.text).join('; ') }
}
