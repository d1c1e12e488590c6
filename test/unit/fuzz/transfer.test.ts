import { gunzipSync, gzipSync } from 'node:zlib'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore, dispatch, type Core } from '../../../electron/core/api'
import { openWorkspace } from '../../../electron/core/workspace'
import { tempDir } from '../../helpers/tmp'
import { TEST_CONSULTANT } from '../../helpers/identity'
import { removeIdentity } from '../../../electron/core/handover/identity'
import { createKeychainStore } from '../../../electron/core/vault/keychain'
import { runs } from './arbitraries'

/** Engagement import (electron/core/workspace/transfer.ts) fed damaged and crafted exports. */
const tmp = tempDir('handover-fuzz-transfer-')
let source: Core
let target: Core
let doc: Record<string, unknown>
let victimId = ''

beforeAll(async () => {
  source = createCore(openWorkspace(`${tmp.dir}/a`), 'browser')
  target = createCore(openWorkspace(`${tmp.dir}/b`), 'browser')
  const e = await dispatch(source, 'createEngagement', { domain: 'export.example', hosts: ['www'] })
  if (!e.ok) throw new Error(e.error.message)
  const id = (e.value as { id: string }).id
  await dispatch(source, 'startSprint', { engagementId: id })
  // an export is signed by the consultant's key (the real keychain): set who that is first
  const me = await dispatch(source, 'saveSigningIdentity', TEST_CONSULTANT)
  if (!me.ok) throw new Error(me.error.message)
  const x = await dispatch(source, 'exportEngagement', { id })
  if (!x.ok) throw new Error(x.error.message)
  doc = JSON.parse(gunzipSync(Buffer.from((x.value as { dataBase64: string }).dataBase64, 'base64')).toString('utf8'))
  const v = await dispatch(target, 'createEngagement', { domain: 'victim.example' })
  victimId = (v as { value: { id: string } }).value.id
  await dispatch(target, 'startSprint', { engagementId: victimId })
})
afterAll(async () => {
  if (source) await removeIdentity(source.workspace.db, createKeychainStore(), 'consultant')
  source?.workspace.close()
  target?.workspace.close()
  tmp.cleanup()
})

/** Replace the value at a random path of a JSON tree. */
function setAt(root: unknown, path: number[], value: unknown): unknown {
  if (!path.length || root === null || typeof root !== 'object') return value
  const keys = Object.keys(root as object)
  if (!keys.length) return value
  const k = keys[path[0] % keys.length]
  const copy: Record<string, unknown> = Array.isArray(root) ? ([...root] as unknown as Record<string, unknown>) : { ...(root as Record<string, unknown>) }
  copy[k] = setAt((root as Record<string, unknown>)[k], path.slice(1), value)
  return copy
}

describe('fuzz: engagement import', () => {
  it('a damaged export is refused with a clear error (never internal) and leaves the workspace as it was', async () => {
    const victimRows = () => target.workspace.db.prepare('SELECT COUNT(*) AS n FROM engagements').get()
    const before = JSON.stringify(victimRows())
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), async (path, value) => {
        const damaged = setAt(doc, path, value)
        const r = await dispatch(target, 'importEngagement', { dataBase64: gzipSync(JSON.stringify(damaged)).toString('base64') })
        if (r.ok) {
          // A harmless change (a text field) may import: remove it again for the next run.
          await dispatch(target, 'removeEngagement', { id: (r.value as { id: string }).id })
          return
        }
        expect(r.error.code, r.error.message).not.toBe('internal')
        expect(JSON.stringify(victimRows())).toBe(before)
      }),
      runs(200),
    )
    const chain = await dispatch(target, 'verifyEvidence', { id: victimId })
    expect(chain).toMatchObject({ ok: true, value: { ok: true } })
  })
})
