import { DEFAULT_GIT_LIMITS, historyChunks, workingTreeFiles, type GitLimits } from './git'
import { scanText } from './scanner'
import type { SecretFinding } from './types'

export interface RepoScan {
  findings: SecretFinding[]
  filesScanned: number
  historyChunks: number
  /** True when a limit cut the scan short (findings are then a lower bound). */
  truncated: boolean
}

/**
 * Scan a local git repository: its working tree (tracked and untracked, not ignored) and every
 * line added in its full history. Findings carry commit (history), path, line and a mask.
 */
export async function scanRepo(repo: string, limits: GitLimits = DEFAULT_GIT_LIMITS, signal?: AbortSignal): Promise<RepoScan> {
  const tree = await workingTreeFiles(repo, limits, signal)
  const hist = await historyChunks(repo, limits, signal)
  const findings: SecretFinding[] = []
  // A secret still in the tree is one finding, with the commit that introduced it when history shows it.
  const inTree = new Map<string, SecretFinding>()
  const seen = new Set<string>()
  for (const f of tree.files) {
    if (signal?.aborted) break
    for (const x of await scanText(f.text, f.path)) {
      const key = `${x.path}|${x.rule}|${x.masked}`
      if (inTree.has(key)) continue
      const finding = { ...x, inWorkingTree: true }
      inTree.set(key, finding)
      findings.push(finding)
    }
  }
  for (const c of hist.chunks) {
    if (signal?.aborted) break
    for (const x of await scanText(c.text, c.path)) {
      const f: SecretFinding = { ...x, commit: c.commit, line: c.lines[x.line - 1] ?? x.line, inWorkingTree: false }
      const current = inTree.get(`${f.path}|${f.rule}|${f.masked}`)
      // git log lists newest first: the last commit seen is the one that introduced it.
      if (current) current.commit = f.commit
      else if (!seen.has(`${f.commit}|${f.path}|${f.line}|${f.rule}`)) {
        seen.add(`${f.commit}|${f.path}|${f.line}|${f.rule}`)
        findings.push(f)
      }
    }
  }
  return { findings, filesScanned: tree.files.length, historyChunks: hist.chunks.length, truncated: tree.truncated || hist.truncated }
}
