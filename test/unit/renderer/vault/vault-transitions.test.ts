import { describe, expect, it } from 'vitest'
import type { Credential } from '@shared/contract/credentials'
import { rotationState, upsertCredential } from '../../../../renderer/src/store/vault'

const cred = (id: string, label: string): Credential => ({
  id,
  provider: 'cloudflare',
  label,
  identity: null,
  scopes: [],
  owner: 'founder',
  engagementId: 'e1',
  createdAt: '2026-01-01T00:00:00.000Z',
  verifiedAt: null,
  verifyError: null,
  rotationDue: null, rotationDays: 90, rotatedAt: null, expiresAt: null, pendingRotation: null, previousKept: false,
})

describe('vault transitions', () => {
  it('upserts credentials by id, sorted by label', () => {
    let items = upsertCredential(null, cred('2', 'zeta'))
    items = upsertCredential(items, cred('1', 'alpha'))
    items = upsertCredential(items, { ...cred('2', 'beta'), verifiedAt: '2026-01-02T00:00:00.000Z' })
    expect(items.map((c) => `${c.id}:${c.label}`)).toEqual(['1:alpha', '2:beta'])
  })

  it('flags rotation dates that passed or come within two weeks', () => {
    const now = Date.parse('2026-03-01T00:00:00Z')
    expect(rotationState({ rotationDue: null }, now)).toBeNull()
    expect(rotationState({ rotationDue: '2026-02-01' }, now)).toBe('overdue')
    expect(rotationState({ rotationDue: '2026-03-10' }, now)).toBe('soon')
    expect(rotationState({ rotationDue: '2026-06-01' }, now)).toBeNull()
    expect(rotationState({ rotationDue: 'garbage' }, now)).toBeNull()
  })
})
