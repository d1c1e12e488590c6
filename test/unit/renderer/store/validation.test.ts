import { describe, expect, it } from 'vitest'
import { placeIssues } from '../../../../renderer/src/lib/formErrors'
import { emptyDraft } from '../../../../renderer/src/store/form'
import { validateDraft } from '../../../../renderer/src/store/formValidation'
import { credentialErrors, verdictErrors, waiverErrors } from '../../../../renderer/src/store/validation'
import { withoutPrefix } from '../../../../renderer/src/store/vault'

describe('the one form pattern: every error at once, input quoted as typed', () => {
  it('finds every engagement error before saving, not one at a time', () => {
    const d = { ...emptyDraft(), domain: 'http://Acme.example/path', founderEmail: 'Ada at acme', routes: ['no-slash'] }
    const e = validateDraft(d)
    expect(Object.keys(e).sort()).toEqual(['domain', 'founderEmail', 'routes'])
    // the message quotes what was typed, capitals and all
    expect(e.domain).toBe('"http://Acme.example/path" is a web address with a path; give the domain alone, like acme.example')
    expect(e.founderEmail).toBe('“Ada at acme” is not an email address')
    expect(e.routes).toMatch(/^[A-Z]/)
  })

  it('refuses a pasted address of another domain as a host instead of making it one', () => {
    const e = validateDraft({ ...emptyDraft(), domain: 'acme.example', hosts: [{ name: 'https://x.other.com', role: 'other' }, { name: 'www', role: 'web' }] })
    expect(e).toEqual({ hosts: '"https://x.other.com" is not under acme.example; give a name under it, like www' })
    expect(validateDraft({ ...emptyDraft(), domain: 'acme.example', hosts: [{ name: 'https://app.acme.example', role: 'app' }] })).toEqual({})
  })

  it('places every server issue on its field, and the rest on the form', () => {
    const err = { code: 'invalid_input' as const, message: 'bad', issues: [{ path: 'reason', message: 'say why' }, { path: 'acceptedBy', message: 'who?' }, { path: 'nope', message: 'odd' }] }
    expect(placeIssues(err, ['reason', 'acceptedBy'] as const)).toEqual({ reason: 'Say why', acceptedBy: 'Who?', form: 'Odd' })
    expect(placeIssues({ code: 'unavailable', message: 'keychain locked' }, ['label'] as const)).toEqual({ form: 'Keychain locked' })
    expect(placeIssues({ code: 'invalid_input', message: 'x', issues: [{ path: 'domain', message: '"http://Acme.example/x" is a web address' }] }, ['domain'] as const).domain).toBe('"http://Acme.example/x" is a web address')
  })

  it('says everything a waiver, a credential and a verdict still need', () => {
    expect(Object.keys(waiverErrors('', ' ', ''))).toEqual(['reason', 'acceptedBy', 'expiresAt'])
    expect(waiverErrors('Launch first, fix next week', 'Ada', '2099-01-01')).toEqual({})
    expect(Object.keys(credentialErrors('', '', ''))).toEqual(['label', 'secret'])
    expect(credentialErrors('DNS read', 'tok', '')).toEqual({})
    // no default verdict: a person chooses, and says or shows what they checked
    expect(Object.keys(verdictErrors(null, '', 0))).toEqual(['verdict', 'note'])
    expect(verdictErrors('pass', '', 1)).toEqual({})
  })

  it('does not repeat "verification failed" after a title that says it', () => {
    expect(withoutPrefix('verification failed: the token is not valid')).toBe('The token is not valid')
    expect(withoutPrefix('the token expired')).toBe('The token expired')
  })
})
