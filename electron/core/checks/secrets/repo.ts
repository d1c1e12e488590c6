import { isAppError } from '@shared/errors'
import type { CheckModule } from '../types'
import { scanRepo } from '../../secrets/repo-scan'
import { describeFindings, findingRows, statusOf } from './lib/summary'

/** secrets.repo: a local git repository's working tree and full history. */
export const check: CheckModule = {
  meta: {
    id: 'secrets.repo',
    title: 'No secrets in the code repository',
    area: 'secrets',
    stage: 'security',
    why: 'A key committed to git stays in its history forever; anyone with read access to the repository can use it to spend your money or read your customers’ data.',
    fix: 'Revoke and rotate every key listed (removing it from the code is not enough: it stays in history). Move secrets into the hosting provider’s environment variables, and add a pre-commit secret scanner.',
    byHand: { command: 'git log -p --all | grep -nE "sk_live_|AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY"', expect: 'no output: no live key anywhere in the history' },
    scope: 'engagement',
    network: false,
    timeoutMs: 120_000,
  },
  async run(ctx) {
    const repos = Object.entries(ctx.services.repos ?? {})
    if (!repos.length) return { status: 'skip', summary: 'No local repository is configured for this engagement' }
    const results = []
    for (const [name, path] of repos) {
      try {
        const scan = await scanRepo(path, undefined, ctx.signal)
        results.push({ name, ...scan, findings: scan.findings.map((f) => ({ ...f, path: repos.length > 1 ? `${name}:${f.path}` : f.path })) })
      } catch (e) {
        if (!isAppError(e)) throw e
        return { status: 'error', summary: `Could not scan repository "${name}": ${e.message}` }
      }
    }
    const findings = results.flatMap((r) => r.findings)
    const inHistoryOnly = findings.filter((f) => !f.inWorkingTree).length
    const truncated = results.some((r) => r.truncated)
    const status = statusOf(findings)
    const where = `${results.length} repositor${results.length === 1 ? 'y' : 'ies'}`
    const summary =
      status === 'pass'
        ? `No secrets in the working tree or history of ${where}${truncated ? ' (scan hit its size limit)' : ''}`
        : `${describeFindings(findings)} in ${where} (${inHistoryOnly} only in commit history)`
    return {
      status,
      summary,
      details: { repositories: results.map((r) => ({ name: r.name, filesScanned: r.filesScanned, historyChunks: r.historyChunks, truncated: r.truncated })), findings: findingRows(findings), count: findings.length },
      evidence: [
        {
          kind: 'secrets.scan',
          label: `Secret scan of ${where}`,
          data: { scanner: 'secretlint preset-recommend + pattern rules', repositories: results.map((r) => ({ name: r.name, filesScanned: r.filesScanned, historyChunks: r.historyChunks, truncated: r.truncated })), findings: findingRows(findings) },
        },
      ],
    }
  },
}
