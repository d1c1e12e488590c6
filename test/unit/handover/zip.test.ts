import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/tmp'
import { craftZip } from '../../helpers/zip-craft'
import { writeZipFile } from '../../../electron/core/handover/bundle/zip'
import { readZipEntries, ZipFormatError } from '../../../electron/core/handover/bundle/zip-read'

const LIMITS = { maxEntries: 8, maxEntryBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024 }
const all = () => true

describe('bundle zip (yazl writes, yauzl reads)', () => {
  const tmp = tempDir()
  afterAll(() => tmp.cleanup())
  const text = Buffer.from('a line a founder reads twice\n'.repeat(400))
  const entries = [
    { name: 'b/VERIFY.txt', data: text },
    { name: 'b/bücher.json', data: Buffer.from(JSON.stringify({ a: 1 })) },
    { name: 'b/empty.bin', data: Buffer.alloc(0) },
  ]
  const path = join(tmp.dir, 'x.zip')

  it('round-trips, entries deflated (smaller than stored), accepted by unzip -t', async () => {
    await writeZipFile(path, entries)
    const back = await readZipEntries(path, LIMITS, all)
    expect([...back.data].map(([n, d]) => [n, d.toString()])).toEqual(entries.map((e) => [e.name, e.data.toString()]))
    expect(execFileSync('unzip', ['-t', path], { encoding: 'utf8' })).toMatch(/No errors detected/)
    const listing = execFileSync('unzip', ['-v', path], { encoding: 'utf8' })
    expect(listing).toMatch(/Defl:N\s+\d+\s+\d+%.*b\/VERIFY\.txt/)
    expect(Number(/(\d+)\s+Defl:N\s+(\d+).*VERIFY/.exec(listing)![2])).toBeLessThan(text.length / 10)
  })

  it('refuses a file that is no zip, unsafe names, entries over the cap and a size that lies', async () => {
    const bad = async (name: string, bytes: Buffer) => {
      const p = join(tmp.dir, name)
      writeFileSync(p, bytes)
      const err = await readZipEntries(p, LIMITS, all).then(() => null, (e: unknown) => e)
      expect(err, name).toBeInstanceOf(ZipFormatError)
      return (err as Error).message
    }
    expect(await bad('garbage.zip', Buffer.from('PK\u0003\u0004 not a zip at all, really not'))).toMatch(/not a readable zip/)
    expect(await bad('evil.zip', craftZip([{ name: '../evil', data: Buffer.from('x') }]))).toMatch(/\.\.\/evil/)
    expect(await bad('big.zip', craftZip([{ name: 'b/x', data: Buffer.from('x'), deflate: true, declaredSize: 50 * 1024 * 1024 }]))).toMatch(/inflates to 50\.0 MB, over the 1\.0 MB/)
    const bomb = craftZip([{ name: 'b/bomb', data: Buffer.alloc(900 * 1024), deflate: true, declaredSize: 1000 }])
    expect(await bad('liar.zip', bomb)).toMatch(/b\/bomb cannot be read.*too many bytes/)
    const many = craftZip(Array.from({ length: 9 }, (_, i) => ({ name: `b/${i}`, data: Buffer.from('x') })))
    expect(await bad('many.zip', many)).toMatch(/lists 9 entries; a bundle has at most 8/)
    expect(await bad('twice.zip', craftZip([{ name: 'b/a', data: Buffer.from('1') }, { name: 'b/a', data: Buffer.from('2') }]))).toMatch(/appears twice/)
  })

  it('reports links as links and reads only the entries it is asked for', async () => {
    const p = join(tmp.dir, 'link.zip')
    writeFileSync(p, craftZip([{ name: 'b/link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }, { name: 'b/file', data: Buffer.from('ok') }]))
    const r = await readZipEntries(p, LIMITS, (e) => e.kind === 'file')
    expect(r.entries.map((e) => [e.name, e.kind])).toEqual([['b/link', 'symlink'], ['b/file', 'file']])
    expect([...r.data.keys()]).toEqual(['b/file'])
  })
})
