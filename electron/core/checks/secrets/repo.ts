import { isAppError } from '@shared/errors'
import type { CheckModule } from '../types'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { scanRepo } from '../../secrets/repo-scan'
import { cloneRepo, isCloneUrl, repoName } from '../../secrets/repo-source'
import { cloneRoute } from '../../secrets/clone-route'
import { describeFindings, findingRows, statusOf } from './lib/summary'

/** secrets.repo: the client's git repositories (local paths, or clone URLs cloned with the system git): working tree and full history. */
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
    // The run's repositories (a lab scenario's, the CLI's --repo) and the engagement's own.
    const given = Object.entries(ctx.services.repos ?? {})
    const mine = (ctx.engagement.repos ?? []).filter((r) => !given.some(([, v]) => v === r)).map((r) => [repoName(r), r] as [string, string])
    const repos = [...given, ...mine]
    if (!repos.length) return { status: 'skip', summary: 'No repository is configured for this engagement: add a local path or a clone URL in its settings, or pass --repo' }
    const cloneDir = ctx.services.repoDir ?? (await mkdtemp(join(tmpdir(), 'handover-clone-')))
    const token = repos.some(([, r]) => isCloneUrl(r)) ? (await ctx.services.credentials.get('github').catch(() => null))?.secret : undefined
    const results = []
    try {
      for (const [name, source] of repos) {
        try {
          const route = isCloneUrl(source) ? await cloneRoute(source, ctx.profile, ctx.services.dns, ctx.signal) : undefined
          const path = route ? await cloneRepo(source, cloneDir, { token, signal: ctx.signal, route }) : source
          const scan = await scanRepo(path, undefined, ctx.signal)
          results.push({ name, source, cloned: !!route, ...(route?.allowed ? { privateTarget: route.allowed } : {}), ...scan, findings: scan.findings.map((f) => ({ ...f, path: repos.length > 1 ? `${name}:${f.path}` : f.path })) })
        } catch (e) {
          if (!isAppError(e)) throw e
          return { status: 'error', summary: `Could not scan repository "${name}": ${e.message}` }
        }
      }
    } finally {
      // A clone outside the workspace is temporary.
      if (!ctx.services.repoDir) await rm(cloneDir, { recursive: true, force: true }).catch(() => undefined)
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
      details: { repositories: results.map((r) => ({ name: r.name, source: r.source, cloned: r.cloned, ...('privateTarget' in r ? { privateTarget: r.privateTarget } : {}), filesScanned: r.filesScanned, historyChunks: r.historyChunks, truncated: r.truncated })), findings: findingRows(findings), count: findings.length },
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
