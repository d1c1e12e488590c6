import type { CheckStatus } from '../../types'
import type { SecretFinding } from '../../../secrets/types'

/** At most this many findings go into details/evidence (the count is always exact). */
export const MAX_LISTED = 200

/** Status from findings: any live secret fails; only often-public keys (Google browser keys) warn. */
export function statusOf(findings: SecretFinding[]): CheckStatus {
  if (findings.some((f) => f.severity === 'fail')) return 'fail'
  return findings.length ? 'warn' : 'pass'
}

/**
 * "3 secrets found: Stripe live secret key, GitHub token", then any public-by-design keys as keys
 * to check, never as secrets — masked values are never in a summary.
 */
export function describeFindings(findings: SecretFinding[]): string {
  const list = (fs: SecretFinding[]) => {
    const kinds = [...new Set(fs.map((f) => f.title))]
    return `${kinds.slice(0, 4).join(', ')}${kinds.length > 4 ? ', …' : ''}`
  }
  const secrets = findings.filter((f) => !f.publicByDesign)
  const open = findings.filter((f) => f.publicByDesign)
  const parts: string[] = []
  if (secrets.length) parts.push(`${secrets.length} secret${secrets.length === 1 ? '' : 's'} found: ${list(secrets)}`)
  if (open.length) parts.push(`${open.length} public-by-design key${open.length === 1 ? '' : 's'} (${list(open)}): fine in browser code, but check ${open.length === 1 ? 'its' : 'their'} API and referrer restrictions`)
  return parts.join('; ')
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
    ...(f.publicByDesign ? { publicByDesign: true } : {}),
  }))
}
