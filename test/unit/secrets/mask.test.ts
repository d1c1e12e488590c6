import { describe, expect, it } from 'vitest'
import type { Engagement } from '@shared/schemas/engagement'
import { executeCheck } from '../../../electron/core/checks/execute'
import { DEFAULT_THRESHOLDS, type CheckModule } from '../../../electron/core/checks/types'
import { DEFAULT_PROFILE } from '../../../electron/core/net/profile'
import { maskSecrets } from '../../../electron/core/secrets/mask'

const ACCESS_KEY_ID = 'ASIAQX4ZLAB7KQ2MNR3T'
const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzqR4kL9sQ2'
const STRIPE = 'sk_live_4eC39HqLyjWDarjtT1zdp7dcQX'
const PRIVATE_KEY = `-----BEGIN RSA PRIVATE KEY-----\n${'MIIEowIBAAKCAQEAq7BFUpkGp3+LQmlQ'.repeat(4)}\n-----END RSA PRIVATE KEY-----`
const body = JSON.stringify({ Code: 'Success', AccessKeyId: ACCESS_KEY_ID, SecretAccessKey: SECRET_ACCESS_KEY, Expiration: '2030-01-01T00:00:00Z' }, null, 2)

describe('maskSecrets: the secret scanners mask whatever is about to be stored', () => {
  it('masks an AWS key pair in a JSON body excerpt, keeping the rest readable', async () => {
    const out = await maskSecrets({ bodyExcerpt: body })
    expect(out.bodyExcerpt).not.toContain(ACCESS_KEY_ID)
    expect(out.bodyExcerpt).not.toContain(SECRET_ACCESS_KEY)
    expect(out.bodyExcerpt).not.toContain(SECRET_ACCESS_KEY.slice(20))
    expect(out.bodyExcerpt).toContain('"AccessKeyId": "ASIA…[redacted]"')
    expect(out.bodyExcerpt).toContain('"SecretAccessKey": "…[redacted]"')
    expect(out.bodyExcerpt).toContain('"Expiration": "2030-01-01T00:00:00Z"')
  })

  it('masks strings and keys at any depth, in arrays too', async () => {
    const deep = { a: [{ b: { c: `token ${STRIPE} here` } }], [`key-${STRIPE}`]: 1, pem: PRIVATE_KEY }
    const out = JSON.stringify(await maskSecrets(deep))
    expect(out).not.toContain(STRIPE)
    expect(out).not.toContain('MIIEowIBAAKCAQEA')
    expect(out).toContain('-----BEGIN RSA PRIVATE KEY-----…[redacted]')
    expect(out).toContain('sk_l…[redacted]')
  })

  it('leaves what holds no secret as it was (the same object)', async () => {
    const clean = { summary: 'All four entry URLs reach https://acme.example', n: 3, list: ['a', null, true], placeholder: 'AKIAIOSFODNN7EXAMPLE' }
    expect(await maskSecrets(clean)).toBe(clean)
  })

  it('runs on every check outcome before it is returned for storage, whichever check fetched it', async () => {
    const leaky: CheckModule = {
      meta: { id: 'test.leaky', title: 'Leaky', area: 'http', stage: 'security', why: 'w', fix: 'f', scope: 'domain', network: false },
      run: async () => ({ status: 'pass', summary: `saw ${ACCESS_KEY_ID}`, details: { body }, evidence: [{ kind: 'http.exchange', label: 'GET /', data: { bodyExcerpt: body } }] }),
    }
    const eng: Engagement = { id: 'e', clientName: '', founderName: '', founderEmail: '', domain: 'acme.example', stage: 'demo-launch', vertical: 'other', notes: '', hosts: [], dkimSelectors: [], routes: [], privateTargets: [], createdAt: '', updatedAt: '' }
    const ctx = { engagement: eng, domain: 'acme.example', target: 'acme.example', profile: DEFAULT_PROFILE, thresholds: DEFAULT_THRESHOLDS, services: {} as never }
    const o = await executeCheck(leaky, ctx, new AbortController().signal, 5000)
    const all = JSON.stringify(o)
    expect(all).not.toContain(ACCESS_KEY_ID)
    expect(all).not.toContain(SECRET_ACCESS_KEY)
    expect(o.summary).toBe('saw ASIA…[redacted]')
  })
})
