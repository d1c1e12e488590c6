import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_PROFILE } from '../../../electron/core/net/profile'
import { ProviderError, parseRetryAfter } from '../../../electron/core/providers/errors'
import { createDispatcher, profileFetch } from '../../../electron/core/providers/fetch'
import { requestJson } from '../../../electron/core/providers/request'
import { startFakeApi } from './fake-api'

describe('requestJson: hostile API faults end as typed errors in bounded time', () => {
  let api: Awaited<ReturnType<typeof startFakeApi>>
  let agent: ReturnType<typeof createDispatcher>
  let fetch: ReturnType<typeof profileFetch>
  beforeAll(async () => {
    api = await startFakeApi((_m, url) => {
      switch (url.pathname) {
        case '/ok':
          return { json: { fine: true } }
        case '/401':
          return { status: 401, json: { error: 'bad token' } }
        case '/429-then-ok':
          return [{ status: 429, headers: { 'retry-after': '0.05' }, json: {} }, { json: { after: 'retry' } }]
        case '/429-long':
          return { status: 429, headers: { 'retry-after': '3600' }, json: {} }
        case '/500':
          return { status: 500, raw: 'oops' }
        case '/garbage':
          return { raw: '<html>not json' }
        case '/hang':
          return { hang: true }
        case '/huge':
          return { raw: JSON.stringify({ big: 'x'.repeat(5000) }) }
        default:
          return { status: 404, json: {} }
      }
    })
    // The fake API is the profile's Vercel base URL: a fixed endpoint the egress policy lets through.
    agent = createDispatcher({ ...DEFAULT_PROFILE, providers: { vercel: api.base } })
    fetch = profileFetch(agent)
  })
  afterAll(async () => {
    await api.close()
    await agent.close()
  })
  const req = (path: string, extra: Partial<Parameters<typeof requestJson>[0]> = {}) =>
    requestJson({ provider: 'vercel', fetch, url: `${api.base}${path}`, timeoutMs: 2000, retry: { attempts: 3, maxTotalWaitMs: 500, baseDelayMs: 10 }, ...extra })

  it('parses JSON', async () => {
    expect((await req('/ok')).body).toEqual({ fine: true })
  })
  it('401 → auth error, not retried', async () => {
    await expect(req('/401')).rejects.toMatchObject({ kind: 'auth', status: 401, message: expect.stringMatching(/Vercel rejected the credential/) })
    expect(api.calls.filter((c) => c.path === '/401')).toHaveLength(1)
  })
  it('429 with a short Retry-After is retried and succeeds', async () => {
    expect((await req('/429-then-ok')).body).toEqual({ after: 'retry' })
  })
  it('429 asking for an hour gives up at once with a clear message', async () => {
    const err = await req('/429-long').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ProviderError)
    expect((err as ProviderError).kind).toBe('rate_limited')
    expect((err as Error).message).toMatch(/asked to wait 3600 s/)
    expect(api.calls.filter((c) => c.path === '/429-long')).toHaveLength(1)
  })
  it('500 is retried a bounded number of times, then a server error', async () => {
    await expect(req('/500')).rejects.toMatchObject({ kind: 'server', status: 500 })
    expect(api.calls.filter((c) => c.path === '/500')).toHaveLength(3)
  })
  it('invalid JSON → invalid_response', async () => {
    await expect(req('/garbage')).rejects.toMatchObject({ kind: 'invalid_response', message: 'Vercel answered with invalid JSON (HTTP 200)' })
  })
  it('a hanging server → timeout', async () => {
    await expect(req('/hang', { timeoutMs: 300 })).rejects.toMatchObject({ kind: 'timeout' })
  })
  it('a body over the cap → invalid_response, not an out-of-memory', async () => {
    await expect(req('/huge', { maxBytes: 1000 })).rejects.toMatchObject({ kind: 'invalid_response', message: expect.stringMatching(/larger than 1000 bytes/) })
  })
  it('the run signal cancels a request and a retry wait', async () => {
    const ac = new AbortController()
    const p = req('/hang', { signal: ac.signal, timeoutMs: 5000 })
    setTimeout(() => ac.abort(), 50)
    await expect(p).rejects.toMatchObject({ kind: 'cancelled' })
  })
  it('an unreachable port → network error', async () => {
    await expect(requestJson({ provider: 'netlify', fetch, url: 'http://127.0.0.1:1/x', timeoutMs: 2000 })).rejects.toMatchObject({ kind: 'network' })
  })
  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('2')).toBe(2000)
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 5000)).toBe(5000)
    expect(parseRetryAfter('soon')).toBeUndefined()
    expect(parseRetryAfter(null)).toBeUndefined()
  })
})
