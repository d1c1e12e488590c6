import { describe, expect, it } from 'vitest'
import { dnsAnswers } from '../../../electron/core/handover/extract'
import { factsFromResult } from '../../../electron/core/handover/inventory/facts'
import type { ResultRow } from '../../../electron/core/handover/results'

const row = (checkId: string, target: string, details: Record<string, unknown>): ResultRow => ({ id: 1, checkId, target, status: 'pass', summary: '', details, evidenceId: null, finishedAt: '' })

describe('reading check details for the PDF and the inventory', () => {
  it('finds DNS answers and CNAME targets', () => {
    expect(dnsAnswers(row('dns.hosts', 'www.a.example', { addresses: ['127.0.80.11'], cnames: ['a.example'], authoritative: [{ answer: 'A 127.0.80.11' }] }))).toEqual(['127.0.80.11', 'CNAME a.example'])
  })

  it('turns provider results into inventory facts', () => {
    expect(factsFromResult(row('cf.access', 'a.example', { members: [{ email: 'f@a.example' }, { email: 'c@b.example' }], superAdministrators: ['f@a.example'] }), 'a.example')).toEqual([
      { system: 'cdn', name: 'Cloudflare', loginUrl: 'https://dash.cloudflare.com/', ownerAccount: 'f@a.example', admins: ['f@a.example', 'c@b.example'] },
    ])
    expect(factsFromResult(row('reg.domain', 'a.example', { registrar: { name: 'Lab Registrar, Inc.' } }), 'a.example')).toEqual([{ system: 'registrar', name: 'Lab Registrar, Inc.' }])
    expect(factsFromResult(row('host.deploy', 'e', { provider: 'vercel', project: { name: 'web' } }), 'a.example')[0]).toMatchObject({ system: 'hosting', name: 'Vercel', notes: 'project web' })
    expect(factsFromResult(row('dns.delegation', 'a.example', { providers: ['a.example'] }), 'a.example')).toEqual([])
  })
})
