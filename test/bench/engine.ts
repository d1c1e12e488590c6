import { fork } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { waitFor, type RemoteLab } from './labs'

/** What fixtures/engine-host.cjs reports for the 20-audit portfolio (sizes in MB, times in ms). */
export interface PortfolioRun {
  oneMs: number
  twentyMs: number
  oneCpuMs: number
  twentyCpuMs: number
  checks: number
  oneErrors: number
  errors: number
  nodeExtraCaCerts: boolean
  peakRssMb: number
  sampledPeakRssMb: number
  kernelPeakRssMb: number | null
  samples: number
  startRssMb: number
  loadedRssMb: number
  openedRssMb: number
  rssBeforeMb: number
  rssAfterMb: number
  heapUsedBeforeMb: number
  heapUsedAfterMb: number
  heapTotalBeforeMb: number
  heapTotalAfterMb: number
  externalAfterMb: number
  newSpaceAfterMb: number | null
}

const SCRIPT = join(__dirname, 'fixtures', 'engine-host.cjs')
const BIN = resolve(__dirname, '../../bin/handover.js')

/** The Node flags on the bin's first line (`#!/usr/bin/env -S node <flags>`): the engine host starts as the bin does. */
export function binNodeFlags(): string[] {
  const first = readFileSync(BIN, 'utf8').split('\n', 1)[0]
  return first.split(/\s+/).filter((w) => w.startsWith('--'))
}
const BUNDLE = resolve(__dirname, '../../out/main/engine.js')

/**
 * Run the portfolio (open one workspace per lab in `dir`, a warm-up audit, one timed audit, then
 * one audit per lab at once) in a plain Node process of its own that loads the built bundle, so
 * that neither the test runner nor the labs count in its memory. Needs `electron-vite build`.
 */
export async function portfolioInOwnProcess(labs: RemoteLab[], dir: string): Promise<PortfolioRun> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run "npm run bench" (it builds first)`)
  // --expose-gc: one collection before the 20 audits, so rssBefore/heapUsedBefore are the settled state.
  const child = fork(SCRIPT, [], { execArgv: ['--expose-gc', ...binNodeFlags()], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  try {
    await waitFor(child, 'ready', 60_000, 'engine host')
    child.send({ portfolio: { labs, dir } })
    const { portfolio } = await waitFor<{ portfolio: PortfolioRun }>(child, 'portfolio', 300_000, 'engine host')
    return portfolio
  } finally {
    if (child.exitCode === null && child.connected) {
      child.send({ close: true })
      await waitFor(child, 'closed', 30_000, 'engine host').catch(() => child.kill('SIGKILL'))
    }
  }
}
