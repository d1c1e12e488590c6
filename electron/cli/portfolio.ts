import type { AppEvent } from '@shared/events'
import { terminalSafe } from './terminal'

/** One engagement's line in a portfolio: its audit counts, or why it could not run. */
export interface PortfolioRow {
  domain: string
  checks: { status: string }[]
  durationMs: number
  error?: string
}

/**
 * One progress display for many audits at once, on stderr: on a terminal a single redrawn line
 * (domains done, checks done across every run); otherwise a line per finished domain, through
 * `info` (the CLI's stderr).
 */
export function portfolioProgress(domains: number, info: (line: string) => void, stream: NodeJS.WriteStream = process.stderr): { onEvent(e: AppEvent): void; finished(row: PortfolioRow): void; end(): void } {
  const tty = !!stream.isTTY
  const runs = new Map<string, { done: number; total: number }>()
  let finished = 0
  let drawn = false
  const draw = (last: string) => {
    let done = 0
    let total = 0
    for (const r of runs.values()) {
      done += r.done
      total += r.total
    }
    const line = terminalSafe(`  [${finished}/${domains} domains] ${done}/${total} checks · ${last}`)
    stream.write(`\r\x1b[2K${line.slice(0, (stream.columns || 80) - 1)}`)
    drawn = true
  }
  return {
    onEvent(e) {
      if (e.type === 'run.started') runs.set(e.runId, { done: 0, total: e.total })
      if (e.type !== 'check.finished') return
      runs.set(e.runId, { done: e.done, total: e.total })
      if (tty) draw(`${e.checkId} ${e.target}`)
    },
    finished(row) {
      finished++
      const what = row.error ? `could not run: ${row.error}` : `${row.checks.length} checks, ${count(row, 'fail') + count(row, 'error')} failed or errored`
      if (tty) draw(`${row.domain} done`)
      else info(`  [${finished}/${domains}] ${row.domain}: ${what} (${(row.durationMs / 1000).toFixed(1)} s)`)
    },
    end() {
      if (drawn) stream.write('\r\x1b[2K')
    },
  }
}

const count = (r: PortfolioRow, s: string) => r.checks.filter((c) => c.status === s).length
const COLUMNS = ['pass', 'warn', 'fail', 'error', 'skip'] as const

/** The summary table: one row per domain, worst first, then a total line. */
export function formatPortfolio(rows: PortfolioRow[], wallMs: number): string {
  const width = Math.max(6, ...rows.map((r) => r.domain.length))
  const worst = (r: PortfolioRow) => (r.error ? 1e9 : count(r, 'fail') * 1000 + count(r, 'error') * 100 + count(r, 'warn'))
  const lines = [`${'DOMAIN'.padEnd(width)}  CHECKS  ${COLUMNS.map((c) => c.toUpperCase().padStart(5)).join(' ')}    TIME`]
  for (const r of [...rows].sort((a, b) => worst(b) - worst(a) || a.domain.localeCompare(b.domain))) {
    if (r.error) lines.push(`${r.domain.padEnd(width)}  could not run: ${r.error}`)
    else lines.push(`${r.domain.padEnd(width)}  ${String(r.checks.length).padStart(6)}  ${COLUMNS.map((c) => String(count(r, c)).padStart(5)).join(' ')}  ${(r.durationMs / 1000).toFixed(1).padStart(5)} s`)
  }
  const bad = rows.filter((r) => r.error || count(r, 'fail') || count(r, 'error')).length
  const checks = rows.reduce((n, r) => n + r.checks.length, 0)
  lines.push('', `${rows.length} domain${rows.length === 1 ? '' : 's'}, ${checks} checks in ${(wallMs / 1000).toFixed(1)} s: ${bad ? `${bad} with failures or errors` : 'nothing failed'}.`)
  return lines.join('\n')
}
