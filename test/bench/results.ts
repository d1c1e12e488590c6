import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'

export const RESULTS = join(__dirname, 'results.json')

export interface Figure {
  value: number
  unit: string
  target: string
  met: boolean
  detail: Record<string, unknown>
}

/** Merge one figure into test/bench/results.json and print it as a table row. */
export function record(name: string, f: Figure): void {
  const all: Record<string, Figure> = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {}
  all[name] = f
  writeFileSync(RESULTS, JSON.stringify(all, null, 2) + '\n')
  console.log(`${f.met ? '✓' : '✗'} ${name.padEnd(20)} ${String(round(f.value)).padStart(10)} ${f.unit.padEnd(8)} target ${f.target}  ${JSON.stringify(f.detail)}`)
}

export function round(n: number, digits = 3): number {
  const p = 10 ** digits
  return Math.round(n * p) / p
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]
}

/** The machine's load when a figure was taken (absolute times on a shared machine depend on it). */
export function machine(): { loadAvg1m: number; cpus: number } {
  return { loadAvg1m: round(loadavg()[0], 2), cpus: cpus().length }
}
