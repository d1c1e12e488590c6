import { readdirSync } from 'node:fs'
import { dirname, join, sep } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engagement } from '@shared/schemas/engagement'
import type { AttachmentInfo } from '@shared/contract/sprint'
import type { SprintStatus } from '@shared/schemas/sprint'
import { createCore, dispatch, type Core } from '../../../electron/core/api'
import { openWorkspace } from '../../../electron/core/workspace'
import { attachmentPath, safeName } from '../../../electron/core/sprint/attachments'
import { tempDir } from '../../helpers/tmp'
import { TEST_CONSULTANT } from '../../helpers/identity'
import { removeIdentity } from '../../../electron/core/handover/identity'
import { createKeychainStore } from '../../../electron/core/vault/keychain'
import { filesUnder } from './scan'

/**
 * Input confinement: names and files that arrive from the UI (attachments) and engagement
 * exports handed back in (import) cannot write or read outside the workspace, nor reach
 * another engagement's data.
 */
const tmp = tempDir('handover-confine-')
const A = join(tmp.dir, 'a')
const B = join(tmp.dir, 'b')
let core: Core
let other: Core
let eng: Engagement
let itemId = ''

async function ok<T>(c: Core, method: string, input: unknown): Promise<T> {
  const r = await dispatch(c, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`)
  return r.value as T
}

beforeAll(async () => {
  core = createCore(openWorkspace(A), 'browser')
  other = createCore(openWorkspace(B), 'browser')
  // exports are signed by the consultant's key (the real keychain): set who that is first
  await ok(core, 'saveSigningIdentity', TEST_CONSULTANT)
  eng = await ok<Engagement>(core, 'createEngagement', { domain: 'confine.example', hosts: ['www'] })
  const s = await ok<SprintStatus>(core, 'startSprint', { engagementId: eng.id })
  itemId = s.items[0].id
})
afterAll(async () => {
  if (core) await removeIdentity(core.workspace.db, createKeychainStore(), 'consultant')
  core?.workspace.close()
  other?.workspace.close()
  tmp.cleanup()
})

/** A slash, a backslash or a NUL: what a plain file name never holds. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[/\\\u0000]/

const HOSTILE_NAMES = [
  '../../../escape.txt',
  '..\\..\\..\\escape.txt',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  'evil\u0000.png',
  'a/b/../../../../escape.txt',
  '....//....//escape.txt',
  '%2e%2e%2fescape.txt',
  '\u202egnp.exe',
  'x'.repeat(300),
  '..',
  '.',
  ' ',
]

describe('attachments from the UI', () => {
  it('hostile file names never leave <workspace>/attachments and come back as plain names', async () => {
    const before = readdirSync(tmp.dir).sort()
    const attachments = HOSTILE_NAMES.map((name, i) => ({ name, mime: 'text/plain', dataBase64: Buffer.from(`file ${i}`).toString('base64') }))
    // The contract allows 20 per verdict: all of these fit in one.
    await ok(core, 'recordVerdict', { engagementId: eng.id, itemId, verdict: 'pass', note: 'confinement', attachments })
    const listed = await ok<AttachmentInfo[]>(core, 'listAttachments', { engagementId: eng.id, itemId })
    expect(listed).toHaveLength(HOSTILE_NAMES.length)
    for (const a of listed) {
      expect(a.name).not.toMatch(UNSAFE)
      expect(a.name.length).toBeGreaterThan(0)
      expect(a.name.length).toBeLessThanOrEqual(200)
      expect(a.name).not.toBe('..')
      expect(a.sha256).toMatch(/^[0-9a-f]{64}$/)
    }
    // Only content-addressed files were written, all inside the workspace's attachments folder.
    const root = join(A, 'attachments') + sep
    const written = filesUnder(A).filter((f) => !/workspace\.sqlite(-wal|-shm|-journal)?$/.test(f))
    expect(written.length).toBe(HOSTILE_NAMES.length)
    for (const f of written) expect(f.startsWith(root) && /^[0-9a-f]{64}$/.test(f.slice(root.length))).toBe(true)
    expect(readdirSync(tmp.dir).sort()).toEqual(before)
    expect(readdirSync(dirname(tmp.dir))).not.toContain('escape.txt')
  })

  it('the display-name and hash-path helpers refuse every escape', () => {
    for (const n of HOSTILE_NAMES) expect(safeName(n)).not.toMatch(UNSAFE)
    for (const h of ['../x', '..', `${'a'.repeat(63)}/`, 'A'.repeat(64), `../${'a'.repeat(61)}`, '']) {
      expect(() => attachmentPath(A, h)).toThrow(/attachment/)
    }
  })

  it('refuses base64 that is not an attachment payload size-wise (over the limit) with invalid_input', async () => {
    const r = await dispatch(core, 'recordVerdict', { engagementId: eng.id, itemId, verdict: 'pass', attachments: [{ name: 'big.bin', dataBase64: 'A'.repeat(36_000_001) }] })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

/** The export of the engagement above, decoded, so a test can tamper with it. */
async function exportDoc(): Promise<{ fileName: string; doc: Record<string, unknown> & { tables: Record<string, Record<string, unknown>[]>; attachments: { sha256: string; dataBase64: string }[] } }> {
  const x = await ok<{ fileName: string; dataBase64: string }>(core, 'exportEngagement', { id: eng.id })
  return { fileName: x.fileName, doc: JSON.parse(gunzipSync(Buffer.from(x.dataBase64, 'base64')).toString('utf8')) }
}
const encode = (doc: unknown) => gzipSync(JSON.stringify(doc)).toString('base64')

describe('bundle names from the UI', () => {
  it.each(['..', '.', '../x', '..\\x', '/etc', 'a/b', 'x\u0000'])('verifyBundle and countersignBundle refuse %j as invalid_input', async (name) => {
    expect(await dispatch(core, 'verifyBundle', { name })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await dispatch(core, 'countersignBundle', { name, founderName: 'Fran' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

describe('engagement export and import', () => {
  it('the export file name is a plain name, never a path', async () => {
    const { fileName } = await exportDoc()
    expect(fileName).not.toMatch(UNSAFE)
    expect(fileName).not.toContain('..')
  })

  it('a round trip into another workspace restores the attachments inside that workspace only', async () => {
    const { doc } = await exportDoc()
    const r = await ok<{ id: string }>(other, 'importEngagement', { dataBase64: encode(doc) })
    expect(r.id).toBe(eng.id)
    const root = join(B, 'attachments') + sep
    for (const f of filesUnder(B).filter((p) => !/workspace\.sqlite/.test(p))) expect(f.startsWith(root)).toBe(true)
    await ok(other, 'removeEngagement', { id: eng.id })
  })

  it('an attachment entry whose hash is a path is refused, nothing written', async () => {
    const { doc } = await exportDoc()
    const before = filesUnder(tmp.dir).length
    doc.attachments = [{ sha256: '../../../escape', dataBase64: Buffer.from('x').toString('base64') }]
    const r = await dispatch(other, 'importEngagement', { dataBase64: encode(doc) })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(filesUnder(tmp.dir).length).toBe(before)
  })

  it.each([
    ['no tables', (d: Record<string, unknown>) => delete d.tables],
    ['no attachments list', (d: Record<string, unknown>) => delete d.attachments],
    ['no engagement', (d: Record<string, unknown>) => delete d.engagement],
    ['attachments not a list', (d: Record<string, unknown>) => (d.attachments = { a: 1 })],
    ['a row value that is an object', (d: { tables: Record<string, Record<string, unknown>[]> }) => (d.tables.engagements[0].client_name = { nested: true })],
  ])('a malformed export (%s) is invalid_input, never an internal error', async (_n, tamper) => {
    const { doc } = await exportDoc()
    tamper(doc as never)
    const r = await dispatch(other, 'importEngagement', { dataBase64: encode(doc) })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code, r.error.message).toBe('invalid_input')
    expect(((await ok<Engagement[]>(other, 'listEngagements', {})) as Engagement[]).length).toBe(0)
  })

  it('rows that claim another engagement are refused: an import cannot write into data already here', async () => {
    // The victim lives in the target workspace; the export smuggles a row into the victim's sprint items.
    const victim = await ok<Engagement>(other, 'createEngagement', { domain: 'victim.example' })
    await ok(other, 'startSprint', { engagementId: victim.id })
    const { doc } = await exportDoc()
    const itemsTable = Object.keys(doc.tables).find((t) => (doc.tables[t][0] ?? {}).engagement_id !== undefined && t !== 'evidence' && t !== 'engagements')
    expect(itemsTable).toBeDefined()
    const smuggled = { ...doc.tables[itemsTable!][0], engagement_id: victim.id }
    if ('id' in smuggled && typeof smuggled.id === 'string') smuggled.id = `${smuggled.id}-smuggled`
    doc.tables[itemsTable!].push(smuggled)
    const before = JSON.stringify(other.workspace.db.prepare(`SELECT * FROM "${itemsTable}" WHERE engagement_id = ?`).all(victim.id))
    const r = await dispatch(other, 'importEngagement', { dataBase64: encode(doc) })
    const after = JSON.stringify(other.workspace.db.prepare(`SELECT * FROM "${itemsTable}" WHERE engagement_id = ?`).all(victim.id))
    expect(after, `import ${r.ok ? 'succeeded and' : 'failed but'} changed ${itemsTable} of another engagement`).toBe(before)
    expect(await ok(other, 'verifyEvidence', { id: victim.id })).toMatchObject({ ok: true })
  })
})
