import tls from 'node:tls'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildContext, trustedContext } from '../../../electron/core/net/tls-context'
import { makeCa } from '../../../electron/lab/tls/ca'
import { issueHostCert } from '../../../electron/lab/tls/certs'
import { labKey } from '../../../electron/lab/tls/keys'

// trustedContext starts from Node's default store and adds the extra CAs to the context's own copy
// (where that store is the bundled roots); these tests hold both ways of building to what
// `ca: [...tls.rootCertificates, ...extra]` trusted before.
const HOST = 'ctx.example'
const ca = makeCa('Context Test CA', labKey('ca'))
const servers: tls.Server[] = []
const ports: Record<string, number> = {}

async function serve(name: string, cert: { certPem: string; keyPem: string }, o: tls.TlsOptions = {}): Promise<void> {
  const server = tls.createServer({ cert: cert.certPem, key: cert.keyPem, ...o }, (s) => s.end())
  server.on('tlsClientError', () => undefined)
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  servers.push(server)
  ports[name] = (server.address() as AddressInfo).port
}

beforeAll(async () => {
  await serve('extraCa', issueHostCert(HOST, { kind: 'valid' }, ca))
  await serve('unknownCa', issueHostCert(HOST, { kind: 'unknown-ca' }, ca))
  await serve('selfSigned', issueHostCert(HOST, { kind: 'self-signed' }, ca))
  await serve('tls12only', issueHostCert(HOST, { kind: 'valid' }, ca), { maxVersion: 'TLSv1.2' })
})
afterAll(() => servers.forEach((s) => s.close()))

/** Handshake outcome with a context: trusted or why not, protocol, or the error. */
function handshake(port: number, secureContext?: tls.SecureContext): Promise<string> {
  return new Promise((resolve) => {
    const s = tls.connect({ host: '127.0.0.1', port, servername: HOST, ...(secureContext ? { secureContext } : {}), rejectUnauthorized: false })
    s.once('secureConnect', () => {
      resolve(`${s.authorized ? 'trusted' : String(s.authorizationError)} ${s.getProtocol()}`)
      s.destroy()
    })
    s.once('error', (e: Error & { code?: string }) => resolve(`error ${e.code ?? e.message}`))
  })
}

const reference = (extra: string[], o: tls.SecureContextOptions = {}) => tls.createSecureContext({ ca: [...tls.rootCertificates, ...extra], ...o })

describe('trustedContext', () => {
  it('trusts exactly what a context built with ca: [...rootCertificates, ...extra] trusts', async () => {
    for (const extra of [[ca.certPem], []]) {
      for (const name of ['extraCa', 'unknownCa', 'selfSigned']) {
        const want = await handshake(ports[name], reference(extra))
        expect(`${name} ${await handshake(ports[name], trustedContext(extra))}`).toBe(`${name} ${want}`)
        for (const fromDefaultStore of [true, false]) {
          expect(`${name} ${fromDefaultStore} ${await handshake(ports[name], buildContext(extra, {}, fromDefaultStore))}`).toBe(`${name} ${fromDefaultStore} ${want}`)
        }
      }
    }
    expect(await handshake(ports.extraCa, trustedContext([ca.certPem]))).toBe('trusted TLSv1.3')
    expect(await handshake(ports.extraCa, trustedContext([]))).toMatch(/^UNABLE_TO_GET_ISSUER_CERT_LOCALLY|^UNABLE_TO_VERIFY_LEAF_SIGNATURE/)
  })

  it('keeps an extra CA in its own context: neither the other contexts nor Node default trust it', async () => {
    trustedContext([ca.certPem])
    buildContext([ca.certPem], {}, true)
    expect(await handshake(ports.extraCa, trustedContext([], { minVersion: 'TLSv1.2' }))).not.toMatch(/^trusted/)
    expect(await handshake(ports.extraCa, tls.createSecureContext())).not.toMatch(/^trusted/)
    expect(await handshake(ports.extraCa)).not.toMatch(/^trusted/)
  })

  it('applies the protocol range and ciphers, and shares one context per options', async () => {
    const only13 = trustedContext([ca.certPem], { minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' })
    expect(await handshake(ports.extraCa, only13)).toBe('trusted TLSv1.3')
    expect(await handshake(ports.tls12only, only13)).toMatch(/^error /)
    expect(await handshake(ports.tls12only, buildContext([ca.certPem], { minVersion: 'TLSv1.3' }, true))).toMatch(/^error /)
    expect(await handshake(ports.tls12only, trustedContext([ca.certPem], { maxVersion: 'TLSv1.2', ciphers: 'DEFAULT:@SECLEVEL=0' }))).toBe('trusted TLSv1.2')
    expect(trustedContext([ca.certPem], { minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' })).toBe(only13)
    expect(trustedContext([ca.certPem])).not.toBe(trustedContext([]))
    // {} stands for the default range, so asking for it explicitly gets the same context
    expect(trustedContext([ca.certPem], { minVersion: tls.DEFAULT_MIN_VERSION })).toBe(trustedContext([ca.certPem]))
  })

  it('finds a context still in use again after it left the LRU', () => {
    const held = trustedContext([`${ca.certPem}\n`])
    // 20 other trust sets push it out of the 16-entry LRU
    for (let i = 2; i < 22; i++) trustedContext([ca.certPem + '\n'.repeat(i)])
    expect(trustedContext([`${ca.certPem}\n`])).toBe(held)
  })
})
