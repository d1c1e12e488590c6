import { describe, expect, it } from 'vitest'
import { guessRole } from '@shared/domain'
import { engagementCreateSchema } from '@shared/schemas/engagement'
import { addHosts, draftFromEngagement, draftToInput, emptyDraft, errorsFromIssues, relativeHost } from '../../../../renderer/src/store/form'
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
    expect(errorsFromIssues({ code: 'invalid_input', message: 'x', issues: [{ path: 'domain', message: 'bad' }] })).toEqual({ domain: 'bad' })
    expect(errorsFromIssues({ code: 'invalid_input', message: 'x', issues: [{ path: 'patch.founderEmail', message: 'nope' }] })).toEqual({ founderEmail: 'nope' })
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
    ).toEqual({ hosts: 'one; two', form: 'whole' })
    expect(errorsFromIssues({ code: 'conflict', message: 'taken' })).toEqual({ form: 'taken' })
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

  it('shows hosts relative to their domain', () => {
    expect(relativeHost('acme.example', 'acme.example')).toBe('@')
    expect(relativeHost('www.acme.example', 'acme.example')).toBe('www')
    expect(relativeHost('other.example', 'acme.example')).toBe('other.example')
  })
})
