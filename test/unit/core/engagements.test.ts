import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, dispatch, type Core } from '../../../electron/core/api'
import { openWorkspace } from '../../../electron/core/workspace'
import { contract } from '@shared/contract'
import type { Engagement } from '@shared/schemas/engagement'
import type { AppEvent } from '@shared/events'
import { tempDir } from '../../helpers/tmp'

let core: Core
let cleanup: () => void
let events: AppEvent[]

beforeEach(() => {
  const t = tempDir()
  cleanup = t.cleanup
  core = createCore(openWorkspace(t.dir), 'browser')
  events = []
  core.events.on((e) => events.push(e))
})
afterEach(() => {
  core.workspace.close()
  cleanup()
})

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(core, method, input)
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as T
}

describe('engagements through the contract', () => {
  it('implements every contract method', () => {
    expect(Object.keys(core.api).sort()).toEqual(Object.keys(contract).sort())
  })

  it('creates with normalised domain and hosts, lists, edits and removes', async () => {
    const e = await ok<Engagement>('createEngagement', {
      domain: 'Acme.Example.',
      clientName: 'Acme Inc',
      founderEmail: 'ada@acme.example',
      hosts: ['www', 'APP', 'api.acme.example', { name: 'staging', role: 'staging' }],
    })
    expect(e.domain).toBe('acme.example')
    expect(e.hosts.map((h) => `${h.name}:${h.role}`)).toEqual([
      'acme.example:apex',
      'api.acme.example:api',
      'app.acme.example:app',
      'staging.acme.example:staging',
      'www.acme.example:web',
    ])
    expect(events).toEqual([{ type: 'engagements.changed', id: e.id, change: 'created' }])

    const list = await ok<Engagement[]>('listEngagements', {})
    expect(list.map((x) => x.id)).toEqual([e.id])

    const edited = await ok<Engagement>('updateEngagement', { id: e.id, patch: { clientName: 'Acme Labs', hosts: ['www'] } })
    expect(edited.clientName).toBe('Acme Labs')
    expect(edited.hosts.map((h) => h.name)).toEqual(['acme.example', 'www.acme.example'])
    expect(edited.founderEmail).toBe('ada@acme.example')

    expect(await ok('getEngagement', { id: 'acme.example' })).toMatchObject({ id: e.id })
    expect(await ok('getEngagement', { id: e.id.slice(0, 8) })).toMatchObject({ id: e.id })

    await ok('removeEngagement', { id: e.id })
    expect(await ok<Engagement[]>('listEngagements', {})).toEqual([])
    const log = core.workspace.db.prepare('SELECT action FROM change_log ORDER BY id').pluck().all()
    expect(log).toEqual(['created', 'updated', 'removed'])
  })

  it('answers bad input, duplicates and unknown ids with clear errors', async () => {
    const bad = await dispatch(core, 'createEngagement', { domain: 'nope' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const badEmail = await dispatch(core, 'createEngagement', { domain: 'a.example', founderEmail: 'not-an-email' })
    expect(badEmail).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'founderEmail' }] } })
    const badHost = await dispatch(core, 'createEngagement', { domain: 'a.example', hosts: ['bad host'] })
    expect(badHost).toMatchObject({ ok: false, error: { code: 'invalid_input' } })

    await ok('createEngagement', { domain: 'dup.example' })
    const dup = await dispatch(core, 'createEngagement', { domain: 'DUP.example' })
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict' } })

    expect(await dispatch(core, 'getEngagement', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await dispatch(core, 'removeEngagement', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await dispatch(core, 'dropTables', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await ok<Engagement[]>('listEngagements', undefined)).toHaveLength(1)
  })

  it('cascades host rows when an engagement is deleted', async () => {
    const e = await ok<Engagement>('createEngagement', { domain: 'cascade.example', hosts: ['www', 'app'] })
    await ok('removeEngagement', { id: e.id })
    expect(core.workspace.db.prepare('SELECT count(*) FROM hosts').pluck().get()).toBe(0)
  })
})
