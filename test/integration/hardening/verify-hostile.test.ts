import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBundle } from '../../../electron/core/handover/bundle/build'
import { chainedWorkspace } from '../../helpers/chained'
import { consultantStore } from '../../helpers/identity'
import { handover } from '../../helpers/cli'
import { tempDir } from '../../helpers/tmp'
import { craftZip, type CraftEntry } from '../../helpers/zip-craft'

/**
 * `handover verify` fed what an attacker would hand a founder: links, extra and hidden files,
 * nested and crafted zip entries, huge files, FIFOs. Each ends with one reason and exit 1
 * (invalid) or 2 (unusable input): never a stack trace, never a link followed or an entry skipped.
 */
const tmp = tempDir('handover-verify-hostile-')
let bundle = ''
let files: CraftEntry[] = []
afterAll(() => tmp.cleanup())

beforeAll(async () => {
  const { ws, id } = chainedWorkspace(join(tmp.dir, 'ws'))
  try {
    const info = await createBundle({ workspace: ws, engagement: ws.engagements.get(id), outDir: join(tmp.dir, 'bundle'), secrets: await consultantStore(ws) })
    bundle = info.dir
    files = readdirSync(bundle).map((n) => ({ name: `b/${n}`, data: readFileSync(join(bundle, n)), deflate: true }))
  } finally {
    ws.close()
  }
}, 120_000)

async function verify(path: string) {
  const r = await handover(['verify', path], { timeoutMs: 60_000 })
  expect(r.stderr + r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+|EISDIR|ERR_BUFFER_TOO_LARGE|ERR_FS_FILE_TOO_LARGE/)
  return r
}
const copy = (name: string) => {
  const dir = join(tmp.dir, name)
  cpSync(bundle, dir, { recursive: true })
  return dir
}
const zipFile = (name: string, entries: CraftEntry[]) => {
  const p = join(tmp.dir, name)
  writeFileSync(p, craftZip(entries))
  return p
}
const failing = (out: string) => out.split('\n').filter((l) => l.startsWith('FAIL'))

describe('verify: a folder or zip is hostile input', () => {
  it('the bundle as built verifies, folder and zip (the zip deflated)', async () => {
    expect((await verify(bundle)).code).toBe(0)
    const z = await verify(`${bundle}.zip`)
    expect(z.code, z.stdout).toBe(0)
    expect(z.stdout).toMatch(/ok +evidence chain: \d+ items re-hash to the head Ada Consultant signed/)
    expect(execFileSync('unzip', ['-v', `${bundle}.zip`], { encoding: 'utf8' })).toMatch(/Defl:N/)
  })

  it('a folder of symbolic links to a valid bundle is invalid, and no link is followed', async () => {
    const links = join(tmp.dir, 'links')
    mkdirSync(links)
    for (const n of readdirSync(bundle)) symlinkSync(join(bundle, n), join(links, n))
    symlinkSync('/etc/passwd', join(links, 'passwd'))
    const r = await verify(links)
    expect(r.code).toBe(1)
    expect(failing(r.stdout)).toEqual(expect.arrayContaining([expect.stringMatching(/file handover\.pdf: is a symbolic link/), expect.stringMatching(/file passwd: is a symbolic link/)]))
    expect(r.stdout).not.toMatch(/root:x:0/)
  })

  it('a link given as the bundle, a FIFO and a file that is no zip are unusable input (exit 2)', async () => {
    const link = join(tmp.dir, 'link-to-bundle')
    symlinkSync(bundle, link)
    const fifo = join(tmp.dir, 'fifo.zip')
    execFileSync('mkfifo', [fifo])
    const text = join(tmp.dir, 'notes.zip')
    writeFileSync(text, 'just text')
    const huge = join(tmp.dir, 'huge.zip')
    writeFileSync(huge, '')
    truncateSync(huge, 3 * 1024 ** 3)
    for (const [path, reason] of [
      [link, /is a symbolic link: give the bundle folder or zip itself/],
      [fifo, /is a FIFO \(named pipe\), neither a bundle folder nor a zip/],
      [text, /is neither a bundle folder nor a zip/],
      [huge, /is neither a bundle folder nor a zip/],
      [join(tmp.dir, 'nothing-here'), /no such bundle folder or zip/],
    ] as const) {
      const r = await verify(path)
      expect(r.code, path).toBe(2)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).toMatch(reason)
    }
  })

  it('hidden files, subfolders, FIFOs, a folder in place of the manifest and a 3 GB file are each reported', async () => {
    const dir = copy('crowded')
    writeFileSync(join(dir, '.hidden'), 'x')
    mkdirSync(join(dir, 'nested'))
    writeFileSync(join(dir, 'nested', 'x.js'), 'alert(1)')
    execFileSync('mkfifo', [join(dir, 'pipe')])
    truncateSync(join(dir, 'handover.pdf'), 3 * 1024 ** 3)
    const r = await verify(dir)
    expect(r.code).toBe(1)
    expect(failing(r.stdout)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/file \.hidden: is a hidden file, not part of the signed bundle/),
        expect.stringMatching(/file nested: is a folder; a bundle has no subfolders/),
        expect.stringMatching(/file pipe: is not a plain file/),
        expect.stringMatching(/file handover\.pdf: is 3\.0 GB, over the 64\.0 MB a bundle file may be/),
      ]),
    )
    const noManifest = copy('manifest-dir')
    rmSync(join(noManifest, 'manifest.json'))
    mkdirSync(join(noManifest, 'manifest.json'))
    const m = await verify(noManifest)
    expect(m.code).toBe(1)
    expect(m.stdout).toMatch(/FAIL {2}manifest\.json: manifest\.json is missing/)
    expect(m.stdout).toMatch(/FAIL {2}file manifest\.json: is a folder/)
  })

  it('crafted zips are invalid with a reason: extra, nested, hidden, linked, traversing, lying, duplicated, two bundles', async () => {
    const cases: [string, CraftEntry[], RegExp][] = [
      ['nested', [...files, { name: 'b/sub/evil.js', data: Buffer.from('x') }], /FAIL {2}file b\/sub\/evil\.js: is outside the bundle folder or nested in it/],
      ['outside', [...files, { name: 'other/evil.js', data: Buffer.from('x') }], /FAIL {2}file other\/evil\.js: is outside the bundle folder/],
      ['hidden', [...files, { name: 'b/.evil', data: Buffer.from('x') }], /FAIL {2}file \.evil: is a hidden file/],
      ['link', [...files, { name: 'b/passwd', data: Buffer.from('/etc/passwd'), mode: 0o120777 }], /FAIL {2}file passwd: is a symbolic link/],
      ['traversal', [...files, { name: '../../evil', data: Buffer.from('x') }], /FAIL {2}bundle: the zip's directory is broken \(invalid relative path: \.\.\/\.\.\/evil\)/],
      ['lying size', [...files.filter((f) => !f.name.endsWith('VERIFY.txt')), { name: 'b/VERIFY.txt', data: Buffer.alloc(2 * 1024 * 1024), deflate: true, declaredSize: 10 }], /FAIL {2}bundle: b\/VERIFY\.txt cannot be read from the zip \(too many bytes/],
      ['too big', [...files, { name: 'b/big.bin', data: Buffer.from('x'), deflate: true, declaredSize: 3 * 1024 ** 3 }], /FAIL {2}bundle: b\/big\.bin inflates to 3\.0 GB, over the 64\.0 MB/],
      ['duplicate', [...files, files[0]], /FAIL {2}bundle: .* appears twice in the zip/],
      ['two bundles', [...files, ...files.map((f) => ({ ...f, name: f.name.replace(/^b\//, 'c/') }))], /FAIL {2}bundle: the zip holds more than one manifest\.json \(b\/, c\/\)/],
      ['many', [...files, ...Array.from({ length: 80 }, (_, i) => ({ name: `b/x${i}`, data: Buffer.from('x') }))], /FAIL {2}bundle: the zip lists \d+ entries; a bundle has at most 64/],
    ]
    for (const [name, entries, expected] of cases) {
      const r = await verify(zipFile(`${name.replace(/ /g, '-')}.zip`, entries))
      expect(r.code, `${name}: ${r.stdout}${r.stderr}`).toBe(1)
      expect(r.stdout, name).toMatch(expected)
    }
    const same = await verify(zipFile('same.zip', files))
    expect(same.code, same.stdout).toBe(0)
  }, 120_000)
})
