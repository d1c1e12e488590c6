import { describe, expect, it } from 'vitest'
import { dnsAnswers, envInventory, monitors, redirectChains } from '../../../electron/core/handover/extract'
import { factsFromResult } from '../../../electron/core/handover/inventory/facts'
import type { ResultRow } from '../../../electron/core/handover/results'

const row = (checkId: string, target: string, details: Record<string, unknown>): ResultRow => ({ id: 1, checkId, target, status: 'pass', summary: '', details, evidenceId: null, finishedAt: '' })

describe('reading check details for the PDF and the inventory', () => {
  it('finds DNS answers and CNAME targets', () => {
    expect(dnsAnswers(row('dns.hosts', 'www.a.example', { addresses: ['127.0.80.11'], cnames: ['a.example'], authoritative: [{ answer: 'A 127.0.80.11' }] }))).toEqual(['127.0.80.11', 'CNAME a.example'])
  })

  it('draws redirect chains from explicit chains, entry/final pairs and a single Location', () => {
    expect(redirectChains(row('http.https', 'a.example', { chain: [{ status: 301, url: 'http://a.example/' }, 'https://a.example/'] }))[0].steps).toEqual(['301 http://a.example/', 'https://a.example/'])
    expect(redirectChains(row('http.canonical', 'a.example', { entries: [{ entry: 'http://www.a.example/probe?x=1', final: 'https://a.example/probe?x=1', hops: 2 }, { entry: 'https://a.example/', final: 'https://a.example/' }] }))).toEqual([
      { from: 'http://www.a.example/', steps: ['http://www.a.example/', '2 hops https://a.example/'] },
    ])
    expect(redirectChains(row('http.https', 'app.a.example', { status: 301, location: 'https://app.a.example/' }))[0].steps).toEqual(['http://app.a.example/', '301 https://app.a.example/'])
  })

  it('lists environment variable names per environment, never values', () => {
    const env = envInventory(row('host.env', 'e', { names: { production: ['DATABASE_URL', 'NEXT_PUBLIC_X'], preview: ['DATABASE_URL'] }, vars: [{ key: 'SENTRY_DSN', target: ['production'], value: 'https://secret' }] }))
    expect(env).toEqual([
      { name: 'DATABASE_URL', environments: ['preview', 'production'] },
      { name: 'NEXT_PUBLIC_X', environments: ['production'] },
      { name: 'SENTRY_DSN', environments: ['production'] },
    ])
    expect(JSON.stringify(env)).not.toContain('secret')
  })

  it('finds monitors and alert contacts', () => {
    expect(monitors(row('mon.uptime', 'e', { monitors: [{ name: 'Home', url: 'https://a.example/' }], contacts: [{ name: 'On-call Slack', type: 'slack' }] }))).toEqual({ monitors: [{ name: 'Home', url: 'https://a.example/' }], contacts: ['On-call Slack'] })
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
