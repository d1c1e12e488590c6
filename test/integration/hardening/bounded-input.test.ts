import { execFileSync } from 'node:child_process'
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { handoverWithRss } from '../../helpers/cli'
import { tempDir } from '../../helpers/tmp'

/**
 * Files that arrive from outside are bounded before they are read: a gzip bomb, /dev/zero, a
 * FIFO and an oversized scenario each end with exit 2 and one line, and the process's peak
 * memory (getrusage maxRSS of the spawned CLI, test/helpers/rss.cjs) stays under 300 MB.
 */
const tmp = tempDir('handover-bounded-')
afterAll(() => tmp.cleanup())
const MB = 1024 * 1024
const ws = join(tmp.dir, 'ws')

/** A gzip of ~3 GB of zeros in 3 MB: one 64 MB member, repeated (gunzip reads every member). */
function gzipBomb(path: string): number {
  const member = gzipSync(Buffer.alloc(64 * MB), { level: 9 })
  const fd = openSync(path, 'w')
  for (let i = 0; i < 48; i++) writeSync(fd, member)
  closeSync(fd)
  return member.length * 48
}

function expectRefused(r: { code: number | null; stdout: string; stderr: string; peakMb: number }, reason: RegExp): void {
  expect(r.code, r.stderr).toBe(2)
  const lines = r.stderr.trim().split('\n')
  expect(lines, r.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(reason)
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  expect(r.peakMb, `peak RSS ${r.peakMb.toFixed(0)} MB`).toBeLessThan(300)
}

describe('bounded reads of hostile files (exit 2, under 300 MB)', () => {
  it('an engagement export that is a gzip bomb (3 GB inflated)', async () => {
    const bomb = join(tmp.dir, 'bomb.handover')
    expect(gzipBomb(bomb)).toBeLessThan(8 * MB)
    const r = await handoverWithRss(['--workspace', ws, 'engagement', 'import', bomb], join(tmp.dir, 'rss-bomb'), { timeoutMs: 120_000 })
    expectRefused(r, /inflates to more than 256\.0 MB, over the limit for an engagement export; nothing was imported/)
    console.log(`bounded-input: gzip bomb refused at peak RSS ${r.peakMb.toFixed(0)} MB`)
  }, 180_000)

  it('engagement import /dev/zero and a FIFO with no writer', async () => {
    expectRefused(await handoverWithRss(['--workspace', ws, 'engagement', 'import', '/dev/zero'], join(tmp.dir, 'rss-zero')), /the engagement export \/dev\/zero is a device, not a regular file/)
    const fifo = join(tmp.dir, 'pipe.handover')
    execFileSync('mkfifo', [fifo])
    expectRefused(await handoverWithRss(['--workspace', ws, 'engagement', 'import', fifo], join(tmp.dir, 'rss-fifo')), /is a FIFO \(named pipe\), not a regular file/)
  }, 60_000)

  it('audit --lab with /dev/zero, a FIFO or a 30 MB scenario', async () => {
    const big = join(tmp.dir, 'big.yaml')
    writeFileSync(big, `name: big\ndomains: [big.example]\nnotes: "${'x'.repeat(30 * MB)}"\n`)
    const fifo = join(tmp.dir, 'scenario.yaml')
    execFileSync('mkfifo', [fifo])
    expectRefused(await handoverWithRss(['--workspace', ws, 'audit', '--lab', '/dev/zero'], join(tmp.dir, 'rss-lab-zero')), /the scenario file \/dev\/zero is a device/)
    expectRefused(await handoverWithRss(['--workspace', ws, 'audit', '--lab', fifo], join(tmp.dir, 'rss-lab-fifo')), /the scenario file .* is a FIFO/)
    expectRefused(await handoverWithRss(['--workspace', ws, 'audit', '--lab', big], join(tmp.dir, 'rss-lab-big')), /the scenario file .*big\.yaml is 30\.0 MB, over the 1\.0 MB limit/)
  }, 90_000)
})
