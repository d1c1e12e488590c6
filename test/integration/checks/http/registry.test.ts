import { describe, expect, it } from 'vitest'
import { listChecks } from '../../../../electron/core/checks/registry'

describe('registry', () => {
  it('discovers the eleven TLS and HTTP checks', () => {
    const ids = listChecks().map((c) => c.meta.id)
    for (const id of ['tls.cert', 'tls.protocols', 'http.https', 'http.canonical', 'http.hsts', 'http.mixed-content', 'http.headers', 'http.exposure', 'http.routes', 'http.cache', 'http.preview']) expect(ids).toContain(id)
  })
})
