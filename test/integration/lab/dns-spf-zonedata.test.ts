import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { parseAllDocuments } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDnsServer, type DnsFault, type DnsRecord, type DnsServer } from '../../../electron/lab/dns/server'
import { describeConformance } from '../../helpers/conformance'

describeConformance('spf/rfc7208-tests.yml', 'conformance: spf/rfc7208-tests.yml', (file) => {
  const run = promisify(execFile)
  const SUITE = file

  /** The suite's zonedata as lab records and faults (README of the conformance folder). */
  function fromZonedata(zd: Record<string, unknown[]>): { records: DnsRecord[]; faults: DnsFault[] } {
    const records: DnsRecord[] = []
    const faults: DnsFault[] = []
    for (const [name, entries] of Object.entries(zd)) {
      const before: string[] = []
      const hasTxt = entries.some((e) => typeof e === 'object' && e !== null && 'TXT' in e)
      for (const e of entries) {
        if (e === 'TIMEOUT') {
          faults.push({ name, kind: 'timeout', exceptTypes: [...before] })
          continue
        }
        const [type, data] = Object.entries(e as Record<string, unknown>)[0]
        before.push(type)
        if (data === 'NONE') continue
        const d = type === 'MX' ? { preference: (data as [number, string])[0], exchange: (data as [number, string])[1] } : data
        records.push({ name, type, data: d })
        if (type === 'SPF' && !hasTxt) records.push({ name, type: 'TXT', data: d })
      }
    }
    return { records, faults }
  }

  const docs = parseAllDocuments(readFileSync(SUITE, 'utf8'))
    .map((d) => d.toJS() as { zonedata?: Record<string, unknown[]> } | null)
    .filter((d): d is { zonedata: Record<string, unknown[]> } => !!d?.zonedata)

  let servers: DnsServer[] = []
  let dir: string

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lab-spf-'))
    servers = await Promise.all(docs.map((d) => startDnsServer({ zones: [''], ...fromZonedata(d.zonedata) })))
  })
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()))
    rmSync(dir, { recursive: true, force: true })
  })

  /** One dig process per document: batch mode (-f), every name asked for its first record type. */
  async function digBatch(i: number, lines: string[]): Promise<string> {
    const file = path.join(dir, `q${i}.txt`)
    // In batch mode the server and port do not carry over from the command line: repeat them per line.
    writeFileSync(file, lines.map((l) => `@127.0.0.1 -p ${servers[i].port} +time=1 +tries=1 ${l}`).join('\n') + '\n')
    const r = await run('dig', ['-f', file], { maxBuffer: 8 << 20 })
      .catch((e: { stdout: string }) => ({ stdout: e.stdout }))
    return r.stdout
  }

  describe('the RFC 7208 suite zonedata, served by the lab DNS server', () => {
    it('has the suite', () => expect(docs.length).toBeGreaterThanOrEqual(10))

    it('answers every name that has records (odd characters and long TXT included)', async () => {
      let asked = 0
      for (let i = 0; i < docs.length; i++) {
        const { records, faults } = fromZonedata(docs[i].zonedata)
        const firsts = new Map<string, string>()
        for (const r of records) if (!firsts.has(r.name) && !faults.some((f) => f.name === r.name)) firsts.set(r.name, r.type)
        const names = [...firsts].filter(([n]) => !/\s/.test(n))
        const out = await digBatch(i, names.map(([n, t]) => `${n} ${t === 'SPF' ? 'TXT' : t}`))
        const statuses = out.match(/status: \w+/g) ?? []
        expect(statuses.length).toBe(names.length)
        expect(statuses.every((s) => s === 'status: NOERROR')).toBe(true)
        asked += names.length
      }
      expect(asked).toBeGreaterThan(150)
    })

    it('serves the very long exp name and SPF type 99 records', async () => {
      const i = docs.findIndex((d) => Object.keys(d.zonedata).some((n) => n.startsWith('somewhat.long.exp.example.com.somewhat')))
      const long = Object.keys(docs[i].zonedata).find((n) => n.startsWith('somewhat.long.exp.example.com.somewhat'))!
      const out = await digBatch(i, [`${long} TXT`, 'e1.example.com SPF'])
      expect(out).toMatch(/"Congratulations! {2}That was tricky\."/)
    })

    it('times out TIMEOUT names unless the type came before the TIMEOUT entry', async () => {
      const i = docs.findIndex((d) => 'spftimeout.example.net' in d.zonedata)
      const out = await digBatch(i, ['spftimeout.example.net TXT', 'spftimeout.example.net A', 'alltimeout.example.net TXT'])
      expect(out).toMatch(/"v=spf1 -all"/)
      expect((out.match(/timed out/g) ?? []).length).toBeGreaterThanOrEqual(2)
    })

    it('keeps raw bytes of \\x escapes and multi-string records', async () => {
      const i = docs.findIndex((d) => 'null.example.com' in d.zonedata)
      const out = await digBatch(i, ['null.example.com TXT', 'hosed.example.com TXT'])
      expect(out).toMatch(/"v=spf1 ip4:" "192\.0\.2\.5 -all"/)
      expect(out).toMatch(/a:\\239\\187\\191garbage/)
    })
  })
})
