import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/tmp'
import { consultantStore } from '../../helpers/identity'
import { memoryStore, seededWorkspace } from './fixture'
import { createCore, dispatch, type Core } from '../../../electron/core/api'
import { handoverApi } from '../../../electron/core/api/handover'
import { findBundle, MAX_BUNDLE_READ_BYTES, readBundleZip } from '../../../electron/core/handover/bundle/read'
import type { BundleInfo } from '@shared/contract/handover'
import type { Engagement } from '@shared/schemas/engagement'
import { engagementCreateSchema } from '@shared/schemas/engagement'

type Failure = { ok: false; error: { code: string; message: string } }

describe('reading a bundle file from the UI is confined to that bundle', () => {
  const tmp = tempDir()
  const outside = join(tmp.dir, 'outside')
  let core: Core
  let engagement: Engagement
  let other: Engagement
  let info: BundleInfo
  let name: string
  const read = (path: string, bundle = name, engagementId = engagement.id) => dispatch(core, 'readBundleFile', { engagementId, bundle, path })

  beforeAll(async () => {
    const seeded = seededWorkspace(join(tmp.dir, 'ws'))
    engagement = seeded.engagement
    core = createCore(seeded.ws, 'browser')
    other = seeded.ws.engagements.create(engagementCreateSchema.parse({ domain: 'other-client.example', clientName: 'Other', hosts: [] }))
    info = await handoverApi(core, await consultantStore(seeded.ws, memoryStore())).createBundle({ engagementId: engagement.id })
    name = info.dir.split(/[\\/]/).pop()!
    // things a crafted path might reach: a secret beside the bundle, one outside the workspace
    writeFileSync(join(tmp.dir, 'ws', 'bundles', 'secret.txt'), 'SIBLING-SECRET')
    mkdirSync(outside)
    writeFileSync(join(outside, 'secret.txt'), 'OUTSIDE-SECRET')
  })
  afterAll(() => {
    core.workspace.close()
    tmp.cleanup()
  })

  it('returns the signed PDF byte for byte', async () => {
    const r = await read('handover.pdf')
    if (!r.ok) throw new Error(r.error.message)
    const v = r.value as { path: string; size: number; base64: string }
    const bytes = Buffer.from(v.base64, 'base64')
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    expect(bytes.equals(readFileSync(join(info.dir, 'handover.pdf')))).toBe(true)
    expect(v.size).toBe(info.files.find((f) => f.path === 'handover.pdf')!.size)
  })

  it('refuses paths that climb out, are absolute or hidden', async () => {
    const planted = ['../secret.txt', '../../workspace.sqlite', 'x/../../secret.txt', './handover.pdf', '/etc/passwd', join(outside, 'secret.txt'), 'C:\\Windows\\win.ini', '..\\secret.txt', '.git', 'a//b']
    for (const path of planted) {
      const r = (await read(path)) as Failure
      expect(r.ok, path).toBe(false)
      expect(r.error.code, path).toBe('invalid_input')
      expect(JSON.stringify(r), path).not.toContain('SECRET')
    }
  })

  it('answers not found for a file or bundle that is not there, or belongs to another engagement', async () => {
    expect(((await read('nope.txt')) as Failure).error.code).toBe('not_found')
    expect(((await read('handover.pdf', 'no-such-bundle')) as Failure).error.code).toBe('not_found')
    const theirs = (await read('handover.pdf', name, other.id)) as Failure
    expect(theirs.error).toMatchObject({ code: 'not_found', message: `this engagement has no bundle named "${name}"` })
    // the bundles folder's own files are not bundles
    expect(((await read('secret.txt', 'secret.txt')) as Failure).ok).toBe(false)
    for (const bad of ['..', '../ws', '.hidden', 'a/b']) {
      expect(((await read('handover.pdf', bad)) as Failure).error.code, bad).toBe('invalid_input')
      expect(() => findBundle(join(tmp.dir, 'ws', 'bundles'), bad, engagement.domain), bad).toThrow(/not a bundle folder name/)
    }
  })

  it('refuses symbolic links that lead out of the bundle', async () => {
    symlinkSync(join(outside, 'secret.txt'), join(info.dir, 'leak.txt'))
    symlinkSync(outside, join(info.dir, 'linked'))
    for (const path of ['leak.txt', 'linked/secret.txt']) {
      const r = (await read(path)) as Failure
      expect(r.ok, path).toBe(false)
      expect(r.error.message, path).toMatch(/symbolic link|outside the bundle folder/)
      expect(JSON.stringify(r)).not.toContain('SECRET')
    }
    // a linked "bundle" folder pointing elsewhere, even one carrying this engagement's manifest
    mkdirSync(join(outside, 'fake'))
    writeFileSync(join(outside, 'fake', 'manifest.json'), JSON.stringify({ engagement: { domain: engagement.domain } }))
    writeFileSync(join(outside, 'fake', 'handover.pdf'), 'OUTSIDE-SECRET')
    symlinkSync(join(outside, 'fake'), join(tmp.dir, 'ws', 'bundles', 'linked-bundle'))
    const r = (await read('handover.pdf', 'linked-bundle')) as Failure
    expect(r.error).toMatchObject({ code: 'invalid_input', message: '"linked-bundle" is not a bundle folder' })
  })

  it('refuses a file over the size cap with a message saying what to do', async () => {
    // sparse: takes no disk space, but its size is one byte over the cap
    writeFileSync(join(info.dir, 'huge.bin'), '')
    truncateSync(join(info.dir, 'huge.bin'), MAX_BUNDLE_READ_BYTES + 1)
    const r = (await read('huge.bin')) as Failure
    expect(r.error.code).toBe('unavailable')
    expect(r.error.message).toMatch(/huge\.bin is 50\.0 MB, over the 50\.0 MB .*open the bundle folder/)
    expect(() => readBundleZip(findBundle(join(tmp.dir, 'ws', 'bundles'), name, engagement.domain), 100)).toThrow(/over the/)
  })

  it('reads the zip, and says where the bundle is and that browser mode has no native dialogs', async () => {
    const zip = await dispatch(core, 'readBundleZip', { engagementId: engagement.id, bundle: name })
    if (!zip.ok) throw new Error(zip.error.message)
    const v = zip.value as { path: string; base64: string }
    expect(v.path).toBe(`${name}.zip`)
    expect(Buffer.from(v.base64, 'base64').subarray(0, 2).toString()).toBe('PK')
    expect(await dispatch(core, 'bundlePlace', { engagementId: engagement.id, bundle: name })).toMatchObject({ ok: true, value: { name, dir: info.dir, zip: info.zip, desktop: false } })
    expect(await dispatch(core, 'openBundleFolder', { engagementId: engagement.id, bundle: name })).toEqual({ ok: true, value: { unsupported: true } })
    expect(await dispatch(core, 'saveBundleCopy', { engagementId: engagement.id, bundle: name })).toEqual({ ok: true, value: { unsupported: true } })
  })

  it('hands the confined folder and zip, never a path from the UI, to the native shell', async () => {
    const calls: string[][] = []
    const desktop = {
      openPath: async (p: string) => void calls.push(['open', p]),
      saveFileAs: async (src: string, suggested: string) => (calls.push(['save', src, suggested]), '/chosen/copy.zip'),
      chooseFolder: async () => null,
      useWorkspace: async () => undefined,
    }
    const electron = createCore(core.workspace, 'electron', undefined, undefined, undefined, desktop)
    expect(await dispatch(electron, 'bundlePlace', { engagementId: engagement.id, bundle: name })).toMatchObject({ ok: true, value: { desktop: true } })
    expect(await dispatch(electron, 'openBundleFolder', { engagementId: engagement.id, bundle: name })).toEqual({ ok: true, value: { opened: true } })
    expect(await dispatch(electron, 'saveBundleCopy', { engagementId: engagement.id, bundle: name })).toEqual({ ok: true, value: { savedTo: '/chosen/copy.zip' } })
    expect((await dispatch(electron, 'openBundleFolder', { engagementId: other.id, bundle: name })).ok).toBe(false)
    expect(calls).toEqual([
      ['open', info.dir],
      ['save', info.zip, `${name}.zip`],
    ])
  })
})
