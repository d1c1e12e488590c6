import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/tmp'
import { writeZip } from '../../../electron/core/handover/bundle/zip'
import { readZip } from '../../../electron/core/handover/bundle/unzip'

describe('store-only zip', () => {
  const tmp = tempDir()
  afterAll(() => tmp.cleanup())
  const entries = [
    { name: 'b/VERIFY.txt', data: Buffer.from('hello\n') },
    { name: 'b/bücher.json', data: Buffer.from(JSON.stringify({ a: 1 })) },
    { name: 'b/empty.bin', data: Buffer.alloc(0) },
  ]

  it('round-trips through our reader', () => {
    const back = readZip(writeZip(entries))
    expect(back.map((e) => [e.name, e.data.toString()])).toEqual(entries.map((e) => [e.name, e.data.toString()]))
  })

  it('is accepted by unzip -t (CRCs and directory are right)', () => {
    const p = join(tmp.dir, 'x.zip')
    writeFileSync(p, writeZip(entries))
    const out = execFileSync('unzip', ['-t', p], { encoding: 'utf8' })
    expect(out).toMatch(/No errors detected/)
  })

  it('refuses garbage and unsafe names', () => {
    expect(() => readZip(Buffer.from('not a zip at all, really not'))).toThrow(/not a readable bundle zip/)
    expect(() => readZip(writeZip([{ name: '../evil', data: Buffer.from('x') }]))).toThrow(/unsafe/)
  })
})
