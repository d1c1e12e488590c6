import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { handover, ROOT } from '../helpers/cli'
import { tempDir } from '../helpers/tmp'

let ws: { dir: string; cleanup(): void }
beforeAll(() => {
  ws = tempDir()
})
afterAll(() => ws.cleanup())

describe('handover engagement (the built bin, a real workspace file)', () => {
  it('prints its version', async () => {
    const r = await handover(['--version'])
    expect(r.code).toBe(0)
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version)
  })

  it('adds with --json, then lists it in a second process', async () => {
    const add = await handover(['--workspace', ws.dir, 'engagement', 'add', 'acme.example', '--hosts', 'www,app', '--json'])
    expect(add.code).toBe(0)
    const created = JSON.parse(add.stdout)
    expect(created).toMatchObject({ domain: 'acme.example', clientName: 'acme.example' })
    expect(created.hosts.map((h: { name: string }) => h.name)).toEqual(['acme.example', 'app.acme.example', 'www.acme.example'])

    const list = await handover(['--workspace', ws.dir, 'engagement', 'list', '--json'])
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout).map((e: { id: string }) => e.id)).toEqual([created.id])

    const human = await handover(['engagement', 'list'], { env: { HANDOVER_WORKSPACE: ws.dir } })
    expect(human.stdout).toContain('acme.example')
    expect(human.stdout).toContain('no sprint')
    await handover(['--workspace', ws.dir, 'sprint', 'start', 'acme.example'])
    const started = await handover(['--workspace', ws.dir, 'engagement', 'list'])
    expect(started.stdout).toMatch(/4[78] h left · worst: todo /)
  })

  it('exits 2 with a clear message on bad input, duplicates and unknown ids', async () => {
    const bad = await handover(['--workspace', ws.dir, 'engagement', 'add', 'not a domain', '--json'])
    expect(bad.code).toBe(2)
    expect(bad.stdout).toBe('')
    expect(bad.stderr).toMatch(/contains spaces/)

    const dup = await handover(['--workspace', ws.dir, 'engagement', 'add', 'ACME.example.'])
    expect(dup.code).toBe(2)
    expect(dup.stderr).toMatch(/already exists/)

    const missing = await handover(['--workspace', ws.dir, 'engagement', 'show', 'nope.example'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/no engagement "nope.example"/)

    const unknown = await handover(['--workspace', ws.dir, 'engagement', 'frobnicate'])
    expect(unknown.code).toBe(2)
  })

  it('edits, shows, and removes only with confirmation', async () => {
    const edit = await handover(['--workspace', ws.dir, 'engagement', 'edit', 'acme.example', '--client', 'Acme Inc', '--founder-email', 'ada@acme.example', '--json'])
    expect(edit.code).toBe(0)
    expect(JSON.parse(edit.stdout)).toMatchObject({ clientName: 'Acme Inc', founderEmail: 'ada@acme.example' })

    const show = await handover(['--workspace', ws.dir, 'engagement', 'show', 'acme.example'])
    expect(show.stdout).toContain('Acme Inc')

    const refused = await handover(['--workspace', ws.dir, 'engagement', 'remove', 'acme.example'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/--yes/)
    expect(JSON.parse((await handover(['--workspace', ws.dir, 'engagement', 'list', '--json'])).stdout)).toHaveLength(1)

    const removed = await handover(['--workspace', ws.dir, 'engagement', 'remove', 'acme.example', '--yes', '--json'])
    expect(removed.code).toBe(0)
    expect(JSON.parse(removed.stdout)).toMatchObject({ domain: 'acme.example' })
    expect(JSON.parse((await handover(['--workspace', ws.dir, 'engagement', 'list', '--json'])).stdout)).toEqual([])
  })

  it('takes DKIM selectors and key routes on add and edit, and refuses bad ones', async () => {
    const add = await handover(['--workspace', ws.dir, 'engagement', 'add', 'mail.example', '--dkim-selectors', 'S1, k2._domainkey', '--routes', '/pricing,/login', '--json'])
    expect(add.code).toBe(0)
    expect(JSON.parse(add.stdout)).toMatchObject({ dkimSelectors: ['s1', 'k2'], routes: ['/pricing', '/login'] })

    const show = await handover(['--workspace', ws.dir, 'engagement', 'show', 'mail.example'])
    expect(show.stdout).toMatch(/dkim: +s1, k2\n/)
    expect(show.stdout).toMatch(/routes: +\/pricing, \/login\n/)

    const edit = await handover(['--workspace', ws.dir, 'engagement', 'edit', 'mail.example', '--routes', '', '--dkim-selectors', 'mandrill', '--json'])
    expect(edit.code).toBe(0)
    expect(JSON.parse(edit.stdout)).toMatchObject({ dkimSelectors: ['mandrill'], routes: [] })

    const bad = await handover(['--workspace', ws.dir, 'engagement', 'edit', 'mail.example', '--routes', 'https://mail.example/pricing', '--json'])
    expect(bad.code).toBe(2)
    expect(bad.stdout).toBe('')
    expect(bad.stderr).toMatch(/routes\.0: the route "https:\/\/mail\.example\/pricing" is a URL: give the path alone/)
    const after = JSON.parse((await handover(['--workspace', ws.dir, 'engagement', 'show', 'mail.example', '--json'])).stdout)
    expect(after).toMatchObject({ dkimSelectors: ['mandrill'], routes: [] })
  })
})
