import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, type MethodName } from '@shared/contract'
import type { ErrorCode } from '@shared/errors'
import { createCore, dispatch, type Core } from '../../../electron/core/api'
import { credentialService } from '../../../electron/core/api/credentials'
import { openWorkspace } from '../../../electron/core/workspace'
import { createMemoryStore } from '../../../electron/core/vault/memory-store'
import { DEFAULT_PROFILE, type NetworkProfile } from '../../../electron/core/net/profile'
import { tempDir } from '../../helpers/tmp'
import { nastyString, runs } from './arbitraries'

/**
 * Methods that reach the network, run checks or write the OS keychain when their input is
 * valid. They are fuzzed with inputs their schema rejects only: a valid call is not the
 * subject here, and no test may leave loopback or touch a person's keychain.
 */
const SIDE_EFFECTS = new Set<string>([
  'addCredential', 'rotateCredential', 'verifyCredential', 'removeCredential', 'keychainStatus', 'signingIdentity', 'saveSigningIdentity', 'rekeySigningIdentity',
  'runAudit', 'runSprint', 'runbookVerify', 'createBundle', 'countersignBundle', 'testNetwork', 'saveNetworkSettings',
])
const CODES: ErrorCode[] = ['invalid_input', 'not_found', 'conflict', 'unavailable', 'cancelled', 'internal']
const METHODS = Object.keys(contract) as MethodName[]

// Even if a valid call slipped through, everything stays on a closed loopback port.
const PROFILE: NetworkProfile = {
  ...DEFAULT_PROFILE,
  offline: true,
  resolvers: ['127.0.0.1:9'],
  connectTo: [{ host: '', port: 0, toHost: '127.0.0.1', toPort: 9 }],
  providers: Object.fromEntries(['cloudflare', 'rdapBootstrap', 'vercel', 'netlify', 'uptimerobot', 'betterstack'].map((k) => [k, 'http://127.0.0.1:9'])),
}

let core: Core
let tmp: { dir: string; cleanup(): void }
let engagementId = ''

beforeAll(async () => {
  tmp = tempDir('handover-fuzz-contract-')
  core = createCore(openWorkspace(tmp.dir), 'browser', undefined, PROFILE)
  credentialService(core, createMemoryStore())
  const r = await dispatch(core, 'createEngagement', { domain: 'fuzz.example', hosts: ['www', 'api'] })
  if (!r.ok) throw new Error(r.error.message)
  engagementId = (r.value as { id: string }).id
  await dispatch(core, 'startSprint', { engagementId })
})
afterAll(() => {
  core.workspace.close()
  tmp.cleanup()
})

/** Top-level keys of a method's input schema (unwrapping optional), to build near-miss objects. */
function keysOf(m: MethodName): string[] {
  let s = contract[m].input as unknown as { shape?: Record<string, unknown>; unwrap?: () => unknown; def?: { innerType?: unknown } }
  for (let i = 0; i < 4 && !s.shape; i++) {
    const inner = s.unwrap?.() ?? s.def?.innerType
    if (!inner) break
    s = inner as typeof s
  }
  return Object.keys(s.shape ?? {})
}

/** Values that often reach deep code: real ids, paths, huge and odd strings, wrong types. */
const value = () =>
  fc.oneof(
    nastyString(80),
    fc.constantFrom('../../etc/passwd', '..\\..\\win.ini', '/etc/passwd', 'a'.repeat(5000), '', ' ', 'launch-ready', 'fuzz.example', 'AAAA', 'cloudflare', 'pass'),
    fc.constant(engagementId),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  )

function nearMiss(m: MethodName): fc.Arbitrary<unknown> {
  const keys = keysOf(m)
  if (!keys.length) return fc.anything()
  return fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 6 })), value(), { maxKeys: keys.length + 1 })
}

async function expectResult(m: MethodName, input: unknown): Promise<void> {
  const valid = contract[m].input.safeParse(input ?? undefined).success
  if (valid && SIDE_EFFECTS.has(m)) return
  let r
  try {
    r = await dispatch(core, m, input)
  } catch (e) {
    throw new Error(`dispatch(${m}) threw for ${JSON.stringify(input)?.slice(0, 300)}: ${String(e)}`, { cause: e })
  }
  expect(typeof r.ok).toBe('boolean')
  if (!valid) expect(r.ok ? 'ok' : r.error.code, `${m} accepted input its schema refuses`).toBe('invalid_input')
  if (!r.ok) {
    expect(CODES).toContain(r.error.code)
    expect(r.error.message.length).toBeGreaterThan(0)
    // "internal" means an exception nobody expected: a bug, with the input that caused it.
    expect(r.error.code, `${m}(${JSON.stringify(input)?.slice(0, 300)}) → ${r.error.message}`).not.toBe('internal')
  }
}

describe('fuzz: every contract method through dispatch', () => {
  it.each(METHODS)('%s: arbitrary input is a Result, bad input is invalid_input', async (m) => {
    await fc.assert(fc.asyncProperty(fc.anything({ maxDepth: 2 }), (input) => expectResult(m, input)), runs(60))
  })

  it.each(METHODS)('%s: near-miss objects (right keys, wrong values) never crash', async (m) => {
    await fc.assert(fc.asyncProperty(nearMiss(m), (input) => expectResult(m, input)), runs(80))
  })

  it('the near-miss generator sees the schemas\' keys (so it gets past the first check)', () => {
    expect(keysOf('createEngagement')).toContain('domain')
    expect(keysOf('recordVerdict')).toContain('attachments')
    expect(keysOf('listCredentials')).toContain('engagementId')
  })

  it('unknown method names are invalid_input, never a lookup on the prototype', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf')), async (name) => {
        fc.pre(!(METHODS as string[]).includes(name))
        const r = await dispatch(core, name, {})
        expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      }),
      runs(200),
    )
  })
})
