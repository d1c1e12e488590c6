import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BIN, handover } from '../../helpers/cli'
import { PtySession } from '../../helpers/pty'
import { tempDir } from '../../helpers/tmp'

let ws: { dir: string; cleanup(): void }
beforeAll(async () => {
  ws = tempDir()
  const add = await handover(['--workspace', ws.dir, 'engagement', 'add', 'tidy.example', '--hosts', 'www,app,api', '--founder-email', 'ada@tidy.example'])
  expect(add.code).toBe(0)
})
afterAll(() => ws.cleanup())

describe('handover runbook run in a terminal', () => {
  it('lists runbooks as JSON', async () => {
    const r = await handover(['runbook', 'list', '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).map((x: { id: string }) => x.id)).toContain('uptime-alert')
  })

  it('shows a runbook filled in for the engagement', async () => {
    const r = await handover(['--workspace', ws.dir, 'runbook', 'show', 'cloudflare-lockout', '--engagement', 'tidy.example'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('invite ada@tidy.example as')
    expect(r.stdout).not.toMatch(/\{\{/)
  })

  it('follows certificate-expiry step by step through a pseudo-terminal, with live checks against the sandbox', async () => {
    const s = new PtySession([process.execPath, BIN, '--workspace', ws.dir, 'runbook', 'run', 'certificate-expiry', '--engagement', 'tidy.example', '--lab', 'healthy', '--by', 'On-call'])
    let at = await s.waitFor(/Step 1\/\d+ · Verify · Check every host's certificate/)
    at = await s.waitFor(/Press Enter to run the checks/, at)
    s.type('')
    at = await s.waitFor(/Fixed: every check passes\./, at)
    at = await s.waitFor(/Step 2\/\d+ · Decide · Who issues the certificate\?/, at)
    at = await s.waitFor(/Choose 1–3:/, at)
    s.type('9')
    at = await s.waitFor(/"9" is not an option\./, at)
    at = await s.waitFor(/Choose 1–3:/, at)
    s.type('3')
    at = await s.waitFor(/Renew on the server/, at)
    at = await s.waitFor(/Done\?/, at)
    s.type('certbot renew ran, nginx reloaded')
    at = await s.waitFor(/Confirm every certificate is valid/, at)
    at = await s.waitFor(/Press Enter/, at)
    s.type('')
    at = await s.waitFor(/Fixed: every check passes\./, at)
    await s.waitFor(/Runbook finished\. \d+ steps recorded as evidence\./, at)
    expect(await s.exit()).toBe(0)
    const v = await handover(['--workspace', ws.dir, 'evidence', 'verify', '--json'])
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true })
  })

  it('skips a verify step with a reason and abandons the run at a later one', async () => {
    const s = new PtySession([process.execPath, BIN, '--workspace', ws.dir, 'runbook', 'run', 'dns-broke-site', '--engagement', 'tidy.example', '--lab', 'healthy', '--by', 'On-call'])
    let at = await s.waitFor(/Step 1\/7 · /, 0)
    at = await s.waitFor(/What was changed last, and when\?/, at)
    s.type('Deleted the app A record at 14:05')
    at = await s.waitFor(/Done\?/, at)
    s.type('')
    at = await s.waitFor(/Step 2\/7 · /, at)
    at = await s.waitFor(/"skip" or "abandon"/, at)
    s.type('skip')
    at = await s.waitFor(/Why skip it\?/, at)
    s.type('')
    at = await s.waitFor(/A skip needs a reason\./, at)
    at = await s.waitFor(/"skip" or "abandon"/, at)
    s.type('skip')
    at = await s.waitFor(/Why skip it\?/, at)
    s.type('the registrar is down, checking later')
    // counted along the way the run goes: 3 of 7, whichever branch comes next
    at = await s.waitFor(/Step 3\/7 · /, at)
    at = await s.waitFor(/Choose 1–3:/, at)
    s.type('2')
    at = await s.waitFor(/Done\?/, at)
    s.type('re-added the record')
    at = await s.waitFor(/Done\?/, at)
    s.type('')
    at = await s.waitFor(/"skip" or "abandon"/, at)
    s.type('abandon')
    at = await s.waitFor(/Why abandon it\?/, at)
    s.type('the client fixed it themselves')
    await s.waitFor(/Runbook abandoned\./, at)
    expect(await s.exit()).toBe(0)
    const v = await handover(['--workspace', ws.dir, 'evidence', 'verify', '--json'])
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true })
  })
})
