import { describe, expect, it } from 'vitest'
import { memoryCredentialSource } from '../../../electron/core/vault/sources'
import { redact } from '../../../electron/core/vault/redact'
import { getVerifier, registerVerifier, verifierProviders } from '../../../electron/core/vault/verifiers'

describe('memoryCredentialSource (lab tokens)', () => {
  it('hands out tokens by provider, registrar kinds by prefix, and registers them for redaction', async () => {
    const cf = 'lab-cf-' + 'Zx81Qw72Er63Ty54'
    const src = memoryCredentialSource([
      { provider: 'cloudflare', secret: cf },
      { provider: 'registrar-porkbun', secret: 'lab-pb-' + 'Aa11Bb22Cc33Dd44' },
    ])
    expect(await src.get('cloudflare')).toMatchObject({ provider: 'cloudflare', secret: cf, label: 'cloudflare (lab)' })
    expect((await src.get('registrar'))?.provider).toBe('registrar-porkbun')
    expect(await src.get('vercel')).toBeNull()
    expect(redact(`Bearer ${cf}`)).toBe('Bearer lab-…[redacted]')
  })
})

describe('verifier registry', () => {
  it('registers and finds a provider verifier; a later registration replaces the earlier one', async () => {
    registerVerifier('netlify', async () => ({ identity: 'a', scopes: [] }))
    registerVerifier('netlify', async () => ({ identity: 'b', scopes: ['x'] }))
    expect(verifierProviders()).toContain('netlify')
    expect(await getVerifier('netlify')!('s', {} as never)).toEqual({ identity: 'b', scopes: ['x'] })
    expect(getVerifier('nope')).toBeUndefined()
  })
})
