import type { CheckStatus } from '../../types'
import type { SecretFinding } from '../../../secrets/types'

/** At most this many findings go into details/evidence (the count is always exact). */
export const MAX_LISTED = 200

/** Status from findings: any live secret fails; only often-public keys (Google browser keys) warn. */
export function statusOf(findings: SecretFinding[]): CheckStatus {
  if (findings.some((f) => f.severity === 'fail')) return 'fail'
  return findings.length ? 'warn' : 'pass'
}

/** "3 secrets: Stripe live secret key, GitHub token" — masked values are never in a summary. */
export function describeFindings(findings: SecretFinding[]): string {
  const kinds = [...new Set(findings.map((f) => f.title))]
  const n = findings.length
  return `${n} secret${n === 1 ? '' : 's'} found: ${kinds.slice(0, 4).join(', ')}${kinds.length > 4 ? ', …' : ''}`
}

/** Findings as plain rows for details and evidence (already masked). */
export function findingRows(findings: SecretFinding[]): Record<string, unknown>[] {
  return findings.slice(0, MAX_LISTED).map((f) => ({
    rule: f.rule,
    title: f.title,
    severity: f.severity,
    ...(f.commit ? { commit: f.commit } : {}),
    ...(f.inWorkingTree !== undefined ? { inWorkingTree: f.inWorkingTree } : {}),
    path: f.path,
    line: f.line,
    column: f.column,
    masked: f.masked,
  }))
}
