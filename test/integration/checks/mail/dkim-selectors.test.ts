import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { loadScenario } from '../../../../electron/lab'
import { COMMON_SELECTORS } from '../../../../electron/core/checks/mail/dkim/selectors'
import { auditWith, healthyWith } from '../engine/variants'

const rsa = (bits: number) => generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64')
type Found = { selector: string; bits?: number }

describe('mail.dkim with selectors configured on the engagement (lab DNS)', () => {
  // tidy.example signs with a custom selector only: no built-in list guesses "2024a".
  const custom = healthyWith(() => undefined, [{ name: '2024a._domainkey', type: 'TXT', data: `v=DKIM1; k=rsa; p=${rsa(2048)}` }], [{ name: 'google._domainkey', type: 'TXT' }])

  it('finds a key under a configured selector that the built-in list misses', async () => {
    expect(COMMON_SELECTORS).not.toContain('2024a')
    const blind = (await auditWith(custom, ['mail.dkim']))['mail.dkim']
    expect(blind.status).toBe('fail')
    expect(blind.summary).toMatch(/No DKIM key for the domain at any of the \d+ selectors tried.*add the selector/)

    const told = (await auditWith(custom, ['mail.dkim'], { dkimSelectors: ['2024A._domainkey'] }))['mail.dkim']
    expect(told).toMatchObject({ status: 'pass', summary: 'Valid DKIM key for the domain: 2024a (rsa 2048).' })
    expect(told.details).toMatchObject({ configured: ['2024a'], found: [{ selector: '2024a', bits: 2048 }] })
  })

  it('names the configured selectors when none has a valid key, and the unconfigured key it did find', async () => {
    const r = (await auditWith(loadScenario('healthy'), ['mail.dkim'], { dkimSelectors: ['s1x', 'k9'] }))['mail.dkim']
    expect(r.status).toBe('fail')
    expect(r.summary).toBe('No valid DKIM key at s1x, k9 (configured; s1x: no record, k9: no record): mail signed with them fails DKIM. A key exists at google, which is not configured.')
  })

  it('warns when one configured selector works and another has no record', async () => {
    const r = (await auditWith(loadScenario('healthy'), ['mail.dkim'], { dkimSelectors: ['google', 'k9'] }))['mail.dkim']
    expect(r).toMatchObject({ status: 'warn', summary: expect.stringMatching(/DKIM works for the domain, but configured k9 has no record/) })
  })

  it('demo: the ESP key under "acme2024" is seen only once the selector is configured', async () => {
    const demo = loadScenario('demo')
    const before = (await auditWith(demo, ['mail.dkim']))['mail.dkim']
    expect(before.status).toBe('warn')
    expect(before.summary).toMatch(/google is a 1024-bit RSA key/)
    expect((before.details.found as Found[]).map((f) => f.selector)).toEqual(['google'])

    const after = (await auditWith(demo, ['mail.dkim'], { dkimSelectors: ['acme2024'] }))['mail.dkim']
    expect(after).toMatchObject({ status: 'pass', summary: 'Valid DKIM key for the domain: acme2024 (rsa 2048).' })
    expect((after.details.found as Found[]).map((f) => `${f.selector} ${f.bits}`)).toEqual(['acme2024 2048', 'google 1024'])
  })
})
