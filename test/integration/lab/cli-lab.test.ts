import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { run } from '../../../electron/cli'
import type { Out } from '../../../electron/cli/context'
import { dig, status } from './tools'

const dir = mkdtempSync(path.join(tmpdir(), 'lab-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** An Out that records what the command prints. */
function capture(): Out & { lines: string[]; infos: string[]; waitLine(): Promise<string> } {
  const lines: string[] = []
  const infos: string[] = []
  let wake: (() => void) | undefined
  return {
    lines,
    infos,
    json: (v) => lines.push(JSON.stringify(v)),
    line: (t = '') => {
      lines.push(t)
      wake?.()
    },
    info: (t) => infos.push(t),
    waitLine: () => (lines.length ? Promise.resolve(lines[0]) : new Promise((r) => (wake = () => r(lines[0])))),
  }
}

describe('handover lab', () => {
  it('prints its endpoints as one JSON line, serves them, and stops on SIGTERM', async () => {
    const out2 = capture()
    const running = run(['node', 'handover', 'lab', '--scenario', 'healthy', '--dir', dir], out2)
    const line = await Promise.race([out2.waitLine(), running.then(() => '')])
    expect(line).not.toContain('\n')
    const ep = JSON.parse(line) as { resolver: string; domains: string[]; caFile: string }
    expect(ep.domains).toEqual(['tidy.example'])
    expect(ep.caFile).toBe(path.join(dir, 'lab-ca.pem'))
    expect(status(await dig(ep.resolver, 'tidy.example', 'SOA'))).toBe('NOERROR')
    process.emit('SIGTERM')
    expect(await running).toBe(0)
    expect(out2.lines).toHaveLength(1)
    expect(status(await dig(ep.resolver, 'tidy.example', 'SOA'))).toBeUndefined() // nothing answers any more
  })

  it('rejects a scenario with a typo: one line naming the place, exit 2', async () => {
    const file = path.join(dir, 'typo.yaml')
    writeFileSync(file, 'name: typo\ndomains: [typo.example]\ndns:\n  zones:\n    typo.example:\n      nameservers: [{ name: ns1.typo.example, ip: 127.0.53.60 }]\n      dnssec: maybe\n')
    const out = capture()
    expect(await run(['node', 'handover', 'lab', '--scenario', file], out)).toBe(2)
    expect(out.lines).toEqual([])
    expect(out.infos).toHaveLength(1)
    expect(out.infos[0]).toMatch(/^handover: typo\.yaml:7:15: dns\.zones\.typo\.example\.dnssec: /)
    const missing = capture()
    expect(await run(['node', 'handover', 'lab', '--scenario', path.join(dir, 'nope.yaml')], missing)).toBe(2)
    expect(missing.infos[0]).toMatch(/no scenario/)
  })
})
