import tls, { type SecureVersion } from 'node:tls'
import type { Resolver } from '../dns/resolver'
import { trustedContext } from '../tls-context'
import { makeLookup, resolverFor } from '../http/lookup'
import { egressPolicy, type EgressPolicy } from '../egress'
import type { NetworkProfile } from '../profile'
import { describeCert, peerChain, type CertInfo } from './cert'

/** What one TLS handshake showed. */
export interface TlsProbeResult {
  host: string
  port: number
  /** Where the connection really went (after connect-to). */
  connectedTo: string
  redirected: boolean
  protocol: string
  cipher: string
  /** Chain validates against system roots + extra CAs. */
  trusted: boolean
  trustError?: string
  nameMatch: boolean
  nameError?: string
  chain: CertInfo[]
  ms: number
}

/** Outcome of offering exactly one protocol version. */
export interface VersionProbe {
  version: SecureVersion
  accepted: boolean
  /** Why it was refused or could not be tested. */
  detail?: string
  /** True when the answer is unknown (timeout, refused connection). */
  inconclusive?: boolean
}

export interface ConnectOpts {
  minVersion?: SecureVersion
  maxVersion?: SecureVersion
  ciphers?: string
  signal?: AbortSignal
}

/**
 * A TLS prober on node:tls: handshakes honour the connect-to map and trust system roots plus
 * the profile's extra CAs; validation and name matching are reported, never enforced, so a
 * broken certificate is described rather than hidden behind a connection error.
 */
export class TlsProber {
  private readonly resolver?: Resolver
  private readonly policy: EgressPolicy
  constructor(
    readonly profile: NetworkProfile,
    resolver?: Resolver,
  ) {
    this.resolver = resolverFor(profile, resolver)
    this.policy = egressPolicy(profile)
  }

  /** Handshake with host:port and describe protocol, cipher, chain, trust and name match. */
  async probe(host: string, port = 443, o: ConnectOpts = {}): Promise<TlsProbeResult> {
    const t0 = performance.now()
    const { socket, to, redirected } = await this.connect(host, port, o)
    try {
      const peer = socket.getPeerCertificate(true)
      if (!peer || !peer.raw) throw new Error(`${host}:${port} presented no certificate`)
      const nameErr = tls.checkServerIdentity(host, peer)
      const cipher = socket.getCipher()
      return {
        host,
        port,
        connectedTo: to,
        redirected,
        protocol: socket.getProtocol() ?? 'unknown',
        cipher: cipher?.standardName ?? cipher?.name ?? 'unknown',
        trusted: socket.authorized,
        ...(socket.authorizationError ? { trustError: String(socket.authorizationError) } : {}),
        nameMatch: !nameErr,
        ...(nameErr ? { nameError: nameErr.message } : {}),
        chain: peerChain(peer).map((raw) => describeCert(raw)),
        ms: Math.round(performance.now() - t0),
      }
    } finally {
      socket.destroy()
    }
  }

  /** The certificate host:port presents (no trust decision), e.g. to name its issuer. */
  async peerCertificate(host: string, port = 443, signal?: AbortSignal): Promise<tls.PeerCertificate> {
    const { socket } = await this.connect(host, port, { signal }, [])
    try {
      return socket.getPeerCertificate()
    } finally {
      socket.destroy()
    }
  }

  /** Offer only `version` (with weak ciphers allowed, as old clients would) and see if it is accepted. */
  async acceptsVersion(host: string, port: number, version: SecureVersion, signal?: AbortSignal): Promise<VersionProbe> {
    try {
      // Only the negotiated version is read here, never the trust verdict: no need for this profile's CAs.
      const { socket } = await this.connect(host, port, { minVersion: version, maxVersion: version, ciphers: 'DEFAULT:@SECLEVEL=0', signal }, [])
      const got = socket.getProtocol()
      socket.destroy()
      return { version, accepted: got === version, detail: `negotiated ${got}` }
    } catch (e) {
      const err = e as Error & { code?: string }
      const code = err.code ?? ''
      if (/ETIMEDOUT|ECONNREFUSED|ENOTFOUND|ABORT|EGRESS_BLOCKED/.test(code)) return { version, accepted: false, inconclusive: true, detail: err.message }
      return { version, accepted: false, detail: err.message }
    }
  }

  /**
   * Handshake with host:port (connect-to applied, private addresses refused by the egress policy). `extraCaPem` is the profile's; a caller that
   * ignores `authorized` passes [] so that one context per protocol range serves every profile.
   */
  private connect(host: string, port: number, o: ConnectOpts, extraCaPem = this.profile.extraCaPem): Promise<{ socket: tls.TLSSocket; to: string; redirected: boolean }> {
    let t
    try {
      t = this.policy.route(host, port, makeLookup(this.resolver, o.signal))
    } catch (e) {
      return Promise.reject(e as Error)
    }
    const to = `${t.host}:${t.port}`
    return new Promise((resolve, reject) => {
      const socket = tls.connect({
        host: t.host,
        port: t.port,
        servername: host,
        // One shared context per protocol range: it carries the trusted roots and the versions.
        secureContext: trustedContext(extraCaPem, { minVersion: o.minVersion, maxVersion: o.maxVersion, ciphers: o.ciphers }),
        rejectUnauthorized: false,
        // Name matching is reported separately, so `authorized` speaks only about the chain.
        checkServerIdentity: () => undefined,
        lookup: t.lookup,
      })
      const ms = this.profile.timeouts.connectMs
      const fail = (e: Error) => {
        clearTimeout(timer)
        o.signal?.removeEventListener('abort', onAbort)
        socket.destroy()
        reject(e)
      }
      const onAbort = () => fail(Object.assign(new Error(`TLS handshake with ${host} cancelled`), { code: 'ABORT_ERR' }))
      const timer = setTimeout(() => fail(Object.assign(new Error(`TLS handshake with ${host}:${port} (${to}) timed out after ${ms} ms`), { code: 'ETIMEDOUT' })), ms)
      o.signal?.addEventListener('abort', onAbort, { once: true })
      socket.once('secureConnect', () => {
        clearTimeout(timer)
        o.signal?.removeEventListener('abort', onAbort)
        resolve({ socket, to, redirected: !!t.rule })
      })
      socket.once('error', fail)
    })
  }
}
