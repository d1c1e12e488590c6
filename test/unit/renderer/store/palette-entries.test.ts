import { describe, expect, it } from 'vitest'
import type { CheckInfo, CheckResultInfo } from '@shared/contract/checks'
import { paletteEntries } from '../../../../renderer/src/store/paletteEntries'
import { filterCommands } from '../../../../renderer/src/store/commands'
import { windowTitle } from '../../../../renderer/src/lib/title'
import { engagement } from '../fixtures'

const acme = engagement({ hosts: [{ name: 'acme.example', role: 'apex' }, { name: 'staging.acme.example', role: 'staging' }] })
const other = engagement({ id: 'e2', clientName: 'Other', domain: 'other.example' })
const checks = [
  { id: 'http.https', title: 'HTTPS everywhere', area: 'http' },
  { id: 'mail.dmarc', title: 'DMARC policy', area: 'mail' },
] as CheckInfo[]
const results = [
  { id: 7, checkId: 'mail.dmarc', target: 'acme.example', status: 'pass', summary: 'p=reject' },
  { id: 8, checkId: 'http.https', target: 'staging.acme.example', status: 'fail', summary: 'no redirect' },
] as CheckResultInfo[]
const entries = paletteEntries({ engagements: [acme, other], contextId: 'e1', checks, results })
const first = (q: string) => filterCommands(entries, q)[0]

describe('the palette finds screens, checks, hosts, engagements and results', () => {
  it('"handover" and "vault" open those screens of the engagement in context first', () => {
    expect(first('handover')).toMatchObject({ group: 'Screen', title: 'Handover', to: { name: 'handover', id: 'e1' } })
    expect(first('vault')).toMatchObject({ group: 'Screen', to: { name: 'vault', id: 'e1' } })
    expect(filterCommands(entries, 'vault other')[0]).toMatchObject({ to: { name: 'vault', id: 'e2' } })
  })

  it('"http.https" finds the failing result first, and the check by id or title', () => {
    const hits = filterCommands(entries, 'http.https')
    expect(hits[0]).toMatchObject({ group: 'Result', title: 'http.https on staging.acme.example', to: { name: 'result', id: 'e1', resultId: 8 } })
    expect(hits.find((h) => h.group === 'Check')).toMatchObject({ title: 'HTTPS everywhere', to: '#/engagements/e1/evidence&check=http.https' })
    expect(first('dmarc policy')).toMatchObject({ group: 'Check' })
  })

  it('"staging" finds the host, which opens its evidence', () => {
    expect(first('staging')).toMatchObject({ group: 'Host', title: 'staging.acme.example', to: '#/engagements/e1/evidence&host=staging.acme.example' })
  })

  it('finds engagements by client or domain, and knows nothing of checks without an engagement', () => {
    expect(first('other')).toMatchObject({ group: 'Engagement', to: { name: 'engagement', id: 'e2' } })
    const none = paletteEntries({ engagements: [], contextId: null, checks, results: null })
    expect(none.map((e) => e.title)).toEqual(['Engagements', 'Settings'])
  })
})

describe('window titles', () => {
  const domainOf = (id: string) => ({ e1: 'acme.example' })[id]
  it('follow the screen and the engagement', () => {
    expect(windowTitle({ name: 'settings' }, domainOf)).toBe('Settings — Handover Console')
    expect(windowTitle({ name: 'vault', id: 'e1' }, domainOf)).toBe('acme.example · Vault — Handover Console')
    expect(windowTitle({ name: 'sprint', id: 'e1' }, domainOf)).toBe('acme.example · Sprint board — Handover Console')
    expect(windowTitle({ name: 'result', id: 'e1', resultId: 3 }, domainOf, 'http.https on www.acme.example')).toBe('acme.example · http.https on www.acme.example — Handover Console')
    expect(windowTitle({ name: 'vault', id: 'gone' }, domainOf)).toBe('Vault — Handover Console')
  })
})
