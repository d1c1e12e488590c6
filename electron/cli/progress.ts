import type { AppEvent } from '@shared/events'
import { terminalSafe } from './terminal'

const MARK: Record<string, string> = { pass: 'ok  ', warn: 'warn', fail: 'FAIL', error: 'ERR ', skip: 'skip' }

/**
 * Progress on stderr while an audit runs: on a terminal one redrawn counter line, otherwise a
 * line per finished check. Returns the event handler and a function that ends the display.
 */
export function auditProgress(stream: NodeJS.WriteStream = process.stderr): { onEvent(e: AppEvent): void; end(): void } {
  const tty = !!stream.isTTY
  let drawn = false
  return {
    onEvent(e) {
      if (e.type !== 'check.finished') return
      if (tty) {
        const line = terminalSafe(`  [${e.done}/${e.total}] ${MARK[e.status] ?? e.status} ${e.checkId} ${e.target}`)
        stream.write(`\r\x1b[2K${line.slice(0, (stream.columns || 80) - 1)}`)
        drawn = true
      } else {
        stream.write(terminalSafe(`  [${e.done}/${e.total}] ${(MARK[e.status] ?? e.status).trim().padEnd(4)} ${e.checkId} ${e.target}`) + '\n')
      }
    },
    end() {
      if (drawn) stream.write('\r\x1b[2K')
    },
  }
}

/** Human output: results grouped by area, then a summary line. */
export function formatAudit(r: { domain: string; durationMs: number; checks: { id: string; target: string; status: string; summary: string }[] }): string {
  const lines: string[] = [`Audit of ${r.domain}`]
  const areas = [...new Set(r.checks.map((c) => c.id.split('.')[0]))]
  for (const area of areas) {
    lines.push('', `${area.toUpperCase()}`)
    for (const c of r.checks.filter((x) => x.id.startsWith(area + '.'))) {
      const target = c.target === r.domain ? '' : ` [${c.target}]`
      lines.push(`  ${(MARK[c.status] ?? c.status).padEnd(4)}  ${c.id}${target}: ${c.summary}`)
    }
  }
  const count = (s: string) => r.checks.filter((c) => c.status === s).length
  lines.push('', `${r.checks.length} checks in ${(r.durationMs / 1000).toFixed(1)} s: ${count('pass')} passed, ${count('warn')} warnings, ${count('fail')} failed, ${count('error')} errors, ${count('skip')} skipped`)
  return lines.join('\n')
}
