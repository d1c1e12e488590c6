import { describe, expect, it } from 'vitest'
import { CHUNK_UNAVAILABLE, loadOnUse } from '../../../../renderer/src/lib/loadOnUse'

describe('code fetched on first use', () => {
  it('hands over the module, or says in words that it could not be fetched and nothing was saved', async () => {
    expect(await loadOnUse(() => Promise.resolve({ parse: 1 }))).toEqual({ ok: true, value: { parse: 1 } })
    const failed = await loadOnUse(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:1/assets/x.js')))
    expect(failed).toEqual({ ok: false, error: { code: 'unavailable', message: `${CHUNK_UNAVAILABLE} Nothing was saved.` } })
    // no address or stack of the failed module reaches the person
    expect(JSON.stringify(failed)).not.toContain('127.0.0.1')
  })
})
