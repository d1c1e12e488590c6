import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../electron/core/workspace'
import { BIN, ROOT } from '../helpers/cli'
import { tempDir } from '../helpers/tmp'

const BUNDLE = join(ROOT, 'out', 'main', 'engine.js')
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
  }, 300_000)
})

/** Start an audit of the demo sandbox, SIGKILL it at a random point; resolve to the checks it reported finished. */
function auditAndKill(dir: string, delayMs: number): Promise<[string, string][]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--workspace', dir, 'audit', '--lab', 'demo'], { stdio: ['ignore', 'pipe', 'pipe'] })
    const reported: [string, string][] = []
    let buf = ''
    let armed = false
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.stderr.on('data', (d: Buffer) => {
      buf += d.toString()
      const lines = buf.split('\n')
      buf = lines.pop() ?? ''
      for (const l of lines) {
        const m = /^\s*\[\d+\/\d+\]\s+\S+\s+(\S+)\s+(\S+)\s*$/.exec(l)
        if (!m) continue
        reported.push([m[1], m[2]])
        if (!armed) {
          armed = true
          setTimeout(() => child.kill('SIGKILL'), delayMs)
        }
      }
    })
    child.stdout.resume()
    child.on('exit', (code, signal) => {
      clearTimeout(guard)
      if (signal === 'SIGKILL' || code === 0 || code === 1) resolve(reported)
      else reject(new Error(`audit exited with ${code}`))
    })
  })
}

describe('a killed audit keeps every result it reported', () => {
  it('survives 8 SIGKILLs at random points of an audit', async () => {
    const t = tempDir()
    try {
      let total = 0
      for (let round = 0; round < 8; round++) {
        const reported = await auditAndKill(t.dir, Math.floor(Math.random() * 3000))
        total += reported.length
        const w = openWorkspace(t.dir)
        try {
          expect(w.db.pragma('integrity_check', { simple: true })).toBe('ok')
          const e = w.engagements.get('acme-launch.example')
          expect(w.evidence.verify(e.id).ok).toBe(true)
          const run = w.db.prepare('SELECT id FROM check_runs WHERE engagement_id = ? ORDER BY started_at DESC LIMIT 1').pluck().get(e.id)
          const has = w.db.prepare('SELECT 1 FROM check_results WHERE run_id = ? AND check_id = ? AND target = ?').pluck()
          const missing = reported.filter(([id, target]) => !has.get(run, id, target))
          expect(missing).toEqual([])
        } finally {
          w.close()
        }
      }
      console.log(`crash test: 8 killed audits, ${total} reported results all present`)
    } finally {
      t.cleanup()
    }
  }, 300_000)
})
