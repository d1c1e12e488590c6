import { describe, expect, it } from 'vitest'
import { endpointFromDraft } from '../../../../renderer/src/store/probeEndpoint'

describe('the probes card’s endpoint draft', () => {
  it('an AI endpoint gets the prompt body and answer path, and its canary', () => {
    const r = endpointFromDraft({ id: 'assistant', kind: 'ai', url: ' https://api.acme.example/v1/chat ', canary: 'CANARY-123' }, [])
    expect(r).toEqual({ ok: true, endpoint: { id: 'assistant', kind: 'ai', url: 'https://api.acme.example/v1/chat', method: 'POST', contentType: 'json', body: '{"prompt":"{prompt}"}', answerPath: 'answer', canary: 'CANARY-123' } })
  })

  it('says what is wrong in words: a bad name, a URL with credentials, a name already used', () => {
    expect(endpointFromDraft({ id: 'Log In', kind: 'login', url: 'https://a.example/login', canary: '' }, [])).toMatchObject({ ok: false, message: expect.stringMatching(/lowercase letters/) })
    expect(endpointFromDraft({ id: 'login', kind: 'login', url: 'https://u:p@a.example/login', canary: '' }, [])).toMatchObject({ ok: false, message: expect.stringMatching(/without user, password/) })
    const taken = endpointFromDraft({ id: 'login', kind: 'login', url: 'https://a.example/login', canary: '' }, [])
    if (!taken.ok) throw new Error('expected a valid endpoint')
    expect(endpointFromDraft({ id: 'login', kind: 'signup', url: 'https://a.example/signup', canary: '' }, [taken.endpoint])).toEqual({ ok: false, message: 'an endpoint is already named "login"' })
  })
})
