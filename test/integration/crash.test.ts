import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../electron/core/workspace'
import { ROOT } from '../helpers/cli'
import { tempDir } from '../helpers/tmp'

const BUNDLE = join(ROOT, 'out', 'main', 'cli.js')
const WRITER = join(ROOT, 'test', 'fixtures', 'crash-writer.cjs')
const ROUNDS = 20

let ws: { dir: string; cleanup(): void }
let engagementId: string
beforeAll(() => {
  ws = tempDir()
  const w = openWorkspace(ws.dir)
  engagementId = w.engagements.create({ domain: 'crash.example' } as never).id
  w.close()
})
afterAll(() => ws.cleanup())

/** Start the writer, let it commit for a random while, SIGKILL it; resolve to the last batch it reported committed. */
function runAndKill(delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, BUNDLE, ws.dir, engagementId], { stdio: ['ignore', 'pipe', 'pipe'] })
    let last = 0
    let started = false
    let err = ''
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.stdout.on('data', (d: Buffer) => {
      const m = d.toString().match(/committed (\d+)/g)
      if (m) last = Number(m[m.length - 1].split(' ')[1])
      if (!started) {
        started = true
        setTimeout(() => child.kill('SIGKILL'), delayMs)
      }
    })
    child.stderr.on('data', (d: Buffer) => (err += d))
    child.on('exit', (_code, signal) => {
      clearTimeout(guard)
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without being killed: ${err}`))
      else resolve(last)
    })
  })
}

describe('a killed process never corrupts the workspace', () => {
  it(`survives ${ROUNDS} SIGKILLs during evidence writes with integrity and chain intact`, async () => {
    let reported = 0
    for (let round = 0; round < ROUNDS; round++) {
      const delay = 5 + Math.floor(Math.random() * 150)
      const last = await runAndKill(delay)
      reported += last
      const w = openWorkspace(ws.dir)
      try {
        expect(w.db.pragma('integrity_check', { simple: true })).toBe('ok')
        const v = w.evidence.verify(engagementId)
        expect(v.ok).toBe(true)
        // Every batch the writer reported committed is present (a batch in flight may also be).
        expect(v.count).toBeGreaterThanOrEqual(reported * 20)
        reported = v.count / 20
        expect(Number.isInteger(reported)).toBe(true)
      } finally {
        w.close()
      }
    }
    console.log(`crash test: ${ROUNDS} kills, ${reported * 20} evidence items, chain intact`)
  })
})
