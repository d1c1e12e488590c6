import { describe, expect, it } from 'vitest'
import { guessRole } from '@shared/domain'
import { engagementCreateSchema } from '@shared/schemas/engagement'
import { draftFromEngagement, draftToInput, emptyDraft, errorsFromIssues, relativeHost } from '../../../../renderer/src/store/form'
import { addHosts, addListItems, domainSuggestion, listErrors } from '../../../../renderer/src/store/formValidation'
import { engagement } from '../fixtures'

describe('engagement form', () => {
  it('turns a stored engagement into a draft with relative hosts and no apex', () => {
    const e = engagement({ hosts: [{ name: 'acme.example', role: 'apex' }, { name: 'api.acme.example', role: 'api' }, { name: 'eu.app.acme.example', role: 'app' }] })
    const d = draftFromEngagement(e)
    expect(d.hosts).toEqual([
      { name: 'api', role: 'api' },
      { name: 'eu.app', role: 'app' },
    ])
    expect(d.domain).toBe('acme.example')
  })

  it('produces input the contract accepts', () => {
    const d = { ...emptyDraft(), domain: 'Acme.Example', founderEmail: ' ada@acme.example ', hosts: [{ name: 'www', role: 'web' as const }] }
    const parsed = engagementCreateSchema.safeParse(draftToInput(d))
    expect(parsed.success).toBe(true)
    expect(parsed.data?.domain).toBe('acme.example')
  })

  it('maps contract issues onto fields, for create and update paths', () => {
    expect(errorsFromIssues({ code: 'invalid_input', message: 'x', issues: [{ path: 'domain', message: 'bad' }] })).toEqual({ domain: 'Bad' })
    expect(errorsFromIssues({ code: 'invalid_input', message: 'x', issues: [{ path: 'patch.founderEmail', message: 'nope' }] })).toEqual({ founderEmail: 'Nope' })
    expect(
      errorsFromIssues({
        code: 'invalid_input',
        message: 'x',
        issues: [
          { path: 'hosts', message: 'one' },
          { path: 'hosts.2.name', message: 'two' },
          { path: '', message: 'whole' },
        ],
      }),
    ).toEqual({ hosts: 'One; two', form: 'Whole' })
    expect(errorsFromIssues({ code: 'conflict', message: 'taken' })).toEqual({ form: 'Taken' })
  })

  it('adds typed hosts as chips, guessing roles and skipping duplicates', () => {
    const hosts = addHosts([{ name: 'www', role: 'web' }], 'WWW, api  staging.', guessRole)
    expect(hosts).toEqual([
      { name: 'www', role: 'web' },
      { name: 'api', role: 'api' },
      { name: 'staging', role: 'staging' },
    ])
    expect(addHosts(hosts, ' , ', guessRole)).toEqual(hosts)
  })

  it('carries check settings from the engagement to the draft and back to contract input', () => {
    const d = draftFromEngagement(engagement({ dkimSelectors: ['s1'], routes: ['/pricing'] }))
    expect([d.dkimSelectors, d.routes]).toEqual([['s1'], ['/pricing']])
    expect(emptyDraft()).toMatchObject({ dkimSelectors: [], routes: [] })
    const parsed = engagementCreateSchema.parse(draftToInput({ ...d, dkimSelectors: ['s1', 'K2'], routes: ['/pricing', '/login'] }))
    expect([parsed.dkimSelectors, parsed.routes]).toEqual([['s1', 'k2'], ['/pricing', '/login']])
    expect(errorsFromIssues({ code: 'invalid_input', message: 'x', issues: [{ path: 'patch.routes.1', message: 'bad route' }] })).toEqual({ routes: 'Bad route' })
  })

  it('adds typed selectors and routes as chips: normalised when valid, kept as typed when not', () => {
    expect(addListItems(['s1'], 'S1, k2._domainkey mandrill', 'dkimSelectors')).toEqual(['s1', 'k2', 'mandrill'])
    expect(addListItems([], '/pricing,/app/../login /pricing', 'routes')).toEqual(['/pricing', '/login'])
    expect(addListItems([], 'https://acme.example/x', 'routes')).toEqual(['https://acme.example/x'])
    expect(addListItems(['/a'], ' , ', 'routes')).toEqual(['/a'])
  })

  it('says what is wrong with the lists before saving', () => {
    expect(listErrors({ dkimSelectors: ['s1'], routes: ['/ok'], privateTargets: ['10.0.0.5'], repos: ['https://github.com/acme/app.git', '/home/me/app'] })).toEqual({})
    expect(listErrors({ dkimSelectors: ['s1', 'bad sel!'], routes: ['pricing'], privateTargets: ['http://10.0.0.5/'], repos: ['git@github.com:acme/app.git'] })).toEqual({
      repos: expect.stringMatching(/neither an absolute path nor an https:\/\/ clone URL/),
      privateTargets: expect.stringMatching(/not a host or address: give the host name or IP alone/),
      dkimSelectors: expect.stringMatching(/the selector "bad sel!" is not a DNS name/),
      routes: expect.stringMatching(/start it with "\/"/),
    })
    expect(listErrors({ dkimSelectors: [], routes: Array.from({ length: 21 }, (_, i) => `/r${i}`), privateTargets: [], repos: [] })).toEqual({ routes: 'at most 20 key routes' })
  })

  it('carries private targets from the engagement to the draft and back, normalised', () => {
    const d = draftFromEngagement(engagement({ privateTargets: ['staging.corp.example'] }))
    expect(d.privateTargets).toEqual(['staging.corp.example'])
    expect(addListItems(d.privateTargets, 'STAGING.corp.example. 10.20.0.0/24 [FD00::5]', 'privateTargets')).toEqual(['staging.corp.example', '10.20.0.0/24', 'fd00::5'])
    expect(engagementCreateSchema.parse(draftToInput({ ...d, domain: 'acme.example', privateTargets: ['10.0.0.5', '10.0.0.5'] })).privateTargets).toEqual(['10.0.0.5'])
  })

  it('offers the registrable domain, keeping the subdomain as a host, when a subdomain is typed', () => {
    const d = { ...emptyDraft(), domain: 'app.acme.example', hosts: [{ name: 'www', role: 'web' as const }] }
    const s = domainSuggestion(d)
    expect(s).toMatchObject({ domain: 'acme.example', host: 'app' })
    expect(s?.apply()).toMatchObject({ domain: 'acme.example', hosts: [{ name: 'www', role: 'web' }, { name: 'app', role: 'app' }] })
    expect(domainSuggestion({ ...d, domain: 'acme.example' })).toBeNull()
    expect(domainSuggestion({ ...d, domain: '../../etc' })).toBeNull()
  })

  it('shows hosts relative to their domain', () => {
    expect(relativeHost('acme.example', 'acme.example')).toBe('@')
    expect(relativeHost('www.acme.example', 'acme.example')).toBe('www')
    expect(relativeHost('other.example', 'acme.example')).toBe('other.example')
  })
})
