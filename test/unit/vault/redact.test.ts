import { describe, expect, it } from 'vitest'
import { mask, redact, redactDeep, registerSecret, unregisterSecret } from '../../../electron/core/vault/redact'

describe('redaction registry', () => {
  const secret = 'sk_live_' + 'Zq8Kx2Lm9Np4Rt7Vw1Yb3Cd5'

  it('masks a registered secret in text, keeping only a short prefix', () => {
    registerSecret(secret)
    const out = redact(`token=${secret}; again ${secret}`)
    expect(out).not.toContain(secret)
    expect(out).toContain(mask(secret))
    expect(mask(secret)).toBe('sk_l…[redacted]')
    unregisterSecret(secret)
    expect(redact(secret)).toBe(secret)
  })

  it('masks common encodings (URL, base64, JSON-escaped)', () => {
    const s = 'p@ss/word+with"quote' + '-1234567'
    registerSecret(s)
    const text = [encodeURIComponent(s), Buffer.from(s).toString('base64'), JSON.stringify({ s })].join(' ')
    const out = redact(text)
    expect(out).not.toContain(encodeURIComponent(s))
    expect(out).not.toContain(Buffer.from(s).toString('base64'))
    expect(out).not.toContain(JSON.stringify(s).slice(1, -1))
    unregisterSecret(s)
  })

  it('ignores values too short to be secrets (no masking of every "a")', () => {
    registerSecret('abc')
    expect(redact('abc abc')).toBe('abc abc')
  })

  it('redactDeep masks nested strings, keys and secret-named fields', () => {
    registerSecret(secret)
    const v = {
      list: [{ note: `uses ${secret}` }],
      headers: { authorization: 'Bearer whatever-not-registered', 'content-type': 'text/html' },
      api_key: 'unregistered-but-secret-named',
      password: '',
      count: 3,
    }
    const out = redactDeep(v)
    expect(JSON.stringify(out)).not.toContain(secret)
    expect(out.headers.authorization).toBe('[redacted]')
    expect(out.headers['content-type']).toBe('text/html')
    expect(out.api_key).toBe('[redacted]')
    expect(out.password).toBe('')
    expect(out.count).toBe(3)
    // Without field-name redaction only registered values are masked.
    expect(redactDeep(v, { fieldNames: false }).api_key).toBe('unregistered-but-secret-named')
    unregisterSecret(secret)
  })

  it('survives cycles of depth by bounding recursion', () => {
    let deep: Record<string, unknown> = {}
    const root = deep
    for (let i = 0; i < 100; i++) deep = (deep.next = {}) as Record<string, unknown>
    expect(() => redactDeep(root)).not.toThrow()
  })
})
