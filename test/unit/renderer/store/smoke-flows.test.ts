import { describe, expect, it } from 'vitest'
import { emptyFlow, emptyStep, flowFromDraft, parseFormLines } from '../../../../renderer/src/store/smokeFlows'

const D = 'acme.example'

describe('the smoke flow form', () => {
  it('turns a filled draft into the contract’s flow: form lines become fields, blank text is left out', () => {
    const r = flowFromDraft(
      {
        name: ' staging sign-in ',
        steps: [
          { ...emptyStep(`https://staging.${D}/login`), expectText: 'Sign in' },
          { method: 'POST', url: `https://staging.${D}/session`, expectStatus: '200', expectText: 'Welcome back', form: 'email=smoke@example.com\n\npassword = staging-only' },
        ],
      },
      D,
      [],
    )
    expect(r).toEqual({
      ok: true,
      flow: {
        name: 'staging sign-in',
        steps: [
          { url: `https://staging.${D}/login`, method: 'GET', expectStatus: 200, expectText: 'Sign in' },
          { url: `https://staging.${D}/session`, method: 'POST', expectStatus: 200, expectText: 'Welcome back', form: { email: 'smoke@example.com', password: 'staging-only' } },
        ],
      },
    })
  })

  it('reports every problem at once, beside its field', () => {
    const r = flowFromDraft(
      {
        name: '',
        steps: [
          { ...emptyStep('https://evil.example/login') },
          { method: 'POST', url: 'not a url', expectStatus: '99', expectText: '', form: 'no equals sign\nok=1' },
        ],
      },
      D,
      [],
    )
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors).toEqual({
      name: 'Give the flow a name, like "staging sign-in"',
      'steps.0.url': 'Steps go only to acme.example and its hosts',
      'steps.1.url': expect.stringMatching(/^An http\(s\) URL without user, password or #fragment/),
      'steps.1.expectStatus': 'A status code from 100 to 599',
      'steps.1.form': 'Line 1: write one name=value per line',
    })
  })

  it('refuses a second flow with the same name', () => {
    const first = flowFromDraft({ ...emptyFlow(D), name: 'smoke' }, D, [])
    expect(first.ok).toBe(true)
    if (!first.ok) return
    expect(flowFromDraft({ ...emptyFlow(D), name: 'smoke' }, D, [first.flow])).toEqual({ ok: false, errors: { name: 'A flow is already named "smoke"' } })
  })

  it('reads name=value lines and names the bad ones', () => {
    expect(parseFormLines('a=1\n=2\nb\nc = x=y ')).toEqual({ fields: { a: '1', c: 'x=y' }, bad: [2, 3] })
  })
})
