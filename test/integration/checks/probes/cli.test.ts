import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../helpers/cli'
import { tempDir } from '../../../helpers/tmp'

const D = 'acme-launch.example'

/** `handover probes` on a real workspace: declare from a file, consent within the ceilings, run on the sandbox, and the consent travels in an export. */
describe('handover probes', () => {
  const tmp = tempDir()
  const ws = join(tmp.dir, 'ws')
  afterAll(() => tmp.cleanup())

  it('declares, refuses a consent above the ceilings, records one, runs it on the demo sandbox, and exports and imports it with evidence verified', async () => {
    expect((await runCli(ws, ['engagement', 'add', D, '--hosts', 'www,app,api,staging'])).code).toBe(0)
    const file = join(tmp.dir, 'probes.yaml')
    writeFileSync(file, `endpoints:\n  - { id: app-login, kind: login, url: 'https://app.${D}/api/login' }\nflows: []\n`)
    const declared = await runCli(ws, ['probes', 'declare', file, '--engagement', D])
    expect(declared).toMatchObject({ code: 0, stdout: expect.stringContaining('Declared 1 endpoint(s) (app-login) and 0 smoke flow(s). Probes send nothing until a consent is recorded') })

    writeFileSync(file, `endpoints:\n  - { id: x, kind: login, url: 'https://elsewhere.example/login' }\n`)
    const off = await runCli(ws, ['probes', 'declare', file, '--engagement', D])
    expect(off.code).toBe(2)
    expect(off.stderr).toMatch(/the endpoint "x" \(https:\/\/elsewhere\.example\/login\) is not on acme-launch\.example/)
    expect(off.stderr).not.toMatch(/\n\s+at /)

    const tooMany = await runCli(ws, ['probes', 'consent', '--given-by', 'Ada Founder', '--by', 'Casey', '--max-requests', '40', '--engagement', D])
    expect(tooMany.code).toBe(2)
    expect((await runCli(ws, ['probes', 'show', '--engagement', D])).stdout).toContain('No active consent: abuse.rate-limit and ai.injection send nothing.')

    const ok = await runCli(ws, ['probes', 'consent', '--given-by', 'Ada Founder', '--by', 'Casey', '--max-requests', '12', '--engagement', D])
    expect(ok).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Recorded consent by Ada Founder \(recorded .* by Casey\): app-login; ≤12 requests per endpoint, ≤10\/s/) })

    const audit = await runCli(ws, ['audit', D, '--lab', 'demo', '--checks', 'abuse.rate-limit', '--json', '--no-progress'])
    expect(JSON.parse(audit.stdout).checks).toMatchObject([{ id: 'abuse.rate-limit', status: 'fail', summary: expect.stringContaining('app-login answered all 12 requests') }])

    expect((await runCli(ws, ['identity', 'set', '--name', 'Casey Consultant', '--email', 'casey@example.com', '--organisation', 'Casey Studio'])).code).toBe(0)
    const out = join(tmp.dir, 'acme.handover')
    expect((await runCli(ws, ['engagement', 'export', D, '--out', out])).code).toBe(0)
    const other = join(tmp.dir, 'other')
    const imported = await runCli(other, ['engagement', 'import', out])
    expect(imported.code).toBe(0)
    const shown = JSON.parse((await runCli(other, ['probes', 'show', '--engagement', D, '--json'])).stdout)
    expect(shown).toMatchObject({ settings: { endpoints: [{ id: 'app-login' }] }, consent: { givenBy: 'Ada Founder', limits: { maxRequests: 12 } } })
    expect((await runCli(other, ['evidence', 'verify', '--engagement', D])).code).toBe(0)
  })
})
