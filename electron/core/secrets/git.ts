import { spawn } from 'node:child_process'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '@shared/errors'

/** Limits that keep a scan of a large or hostile repository bounded. */
export interface GitLimits {
  maxOutputBytes: number
  maxCommits: number
  maxFiles: number
  maxFileBytes: number
  timeoutMs: number
}

export const DEFAULT_GIT_LIMITS: GitLimits = { maxOutputBytes: 64 * 1024 * 1024, maxCommits: 5000, maxFiles: 20_000, maxFileBytes: 2 * 1024 * 1024, timeoutMs: 60_000 }

// Never run a repository's own configured programs: no fsmonitor hook here, and log gets
// --no-ext-diff --no-textconv.
const SAFE = ['-c', 'core.fsmonitor=false', '-c', 'core.quotepath=off', '-c', 'color.ui=false']

/** Run git in a repository; output is capped (truncated: true when the cap was hit). */
export function git(repo: string, args: string[], limits: GitLimits, signal?: AbortSignal): Promise<{ out: string; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', repo, ...SAFE, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
      signal,
      timeout: limits.timeoutMs,
    })
    const chunks: Buffer[] = []
    let size = 0
    let truncated = false
    let err = ''
    child.stdout.on('data', (c: Buffer) => {
      if (truncated) return
      size += c.length
      if (size > limits.maxOutputBytes) {
        truncated = true
        chunks.push(c.subarray(0, c.length - (size - limits.maxOutputBytes)))
        child.kill()
        return
      }
      chunks.push(c)
    })
    child.stderr.on('data', (c: Buffer) => {
      if (err.length < 4000) err += c.toString('utf8')
    })
    child.on('error', (e) => reject(new AppError('unavailable', `git could not run: ${e.message}`)))
    child.on('close', (code) => {
      if (code !== 0 && !truncated) return reject(new AppError('unavailable', `git ${args[0]} failed: ${err.trim().split('\n')[0] || `exit ${code}`}`))
      resolve({ out: Buffer.concat(chunks).toString('utf8'), truncated })
    })
  })
}

/** The working tree's tracked and untracked (not ignored) files, read as text within limits. */
export async function workingTreeFiles(repo: string, limits: GitLimits, signal?: AbortSignal): Promise<{ files: { path: string; text: string }[]; truncated: boolean }> {
  const { out, truncated } = await git(repo, ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], limits, signal)
  const names = [...new Set(out.split('\0').filter(Boolean))]
  const files: { path: string; text: string }[] = []
  for (const name of names.slice(0, limits.maxFiles)) {
    if (signal?.aborted) break
    const full = join(repo, name)
    try {
      const s = await stat(full)
      if (!s.isFile() || s.size > limits.maxFileBytes) continue
      files.push({ path: name, text: await readFile(full, 'utf8') })
    } catch {
      // deleted since listing, or unreadable: nothing to scan
    }
  }
  return { files, truncated: truncated || names.length > limits.maxFiles }
}

/** Lines a commit added to one file, with their line numbers in that commit's version. */
export interface AddedChunk {
  commit: string
  path: string
  text: string
  lines: number[]
}

/**
 * Every line added in the repository's full history (`git log -p --all`), grouped by commit
 * and file. Bounded by commit count and output size.
 */
export async function historyChunks(repo: string, limits: GitLimits, signal?: AbortSignal): Promise<{ chunks: AddedChunk[]; truncated: boolean }> {
  const args = ['log', '-p', '--all', '--no-ext-diff', '--no-textconv', '--no-color', '-U0', `--max-count=${limits.maxCommits}`, '--format=%x00commit %H']
  const { out, truncated } = await git(repo, args, limits, signal)
  return { chunks: parsePatchLog(out), truncated }
}

/** Parse `git log -p -U0 --format=%x00commit %H` output into added-line chunks. */
export function parsePatchLog(out: string): AddedChunk[] {
  const chunks: AddedChunk[] = []
  let commit = ''
  let cur: { path: string; text: string[]; lines: number[] } | undefined
  let lineNo = 0
  let prev = ''
  const flush = () => {
    if (cur && cur.text.length) chunks.push({ commit, path: cur.path, text: cur.text.join('\n'), lines: cur.lines })
    cur = undefined
  }
  for (const line of out.split('\n')) {
    if (line.startsWith('\0commit ')) {
      flush()
      commit = line.slice(8).trim()
    } else if (line.startsWith('diff --git ')) {
      flush()
    } else if (line.startsWith('+++ ') && prev.startsWith('--- ')) {
      const p = line.slice(4)
      cur = p === '/dev/null' ? undefined : { path: p.replace(/^b\//, ''), text: [], lines: [] }
    } else if (line.startsWith('@@')) {
      const m = /\+(\d+)/.exec(line)
      lineNo = m ? Number(m[1]) : 0
    } else if (cur && line.startsWith('+')) {
      cur.text.push(line.slice(1))
      cur.lines.push(lineNo++)
    }
    prev = line
  }
  flush()
  return chunks
}
