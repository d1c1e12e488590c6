import type { CheckModule, CheckOutcome } from '../types'

const LABEL: Record<string, string> = { TLSv1: 'TLS 1.0', 'TLSv1.1': 'TLS 1.1' }

export const check: CheckModule = {
  meta: {
    id: 'tls.protocols',
    title: 'Only modern TLS versions are accepted',
    area: 'tls',
    stage: 'security',
    why: 'TLS 1.0 and 1.1 are broken and deprecated; security reviews and payment providers flag servers that still accept them.',
    fix: 'Set the minimum TLS version to 1.2 at the CDN or web server (Cloudflare: SSL/TLS → Edge Certificates → Minimum TLS Version).',
    scope: 'host',
    network: true,
  },
  async run(ctx): Promise<CheckOutcome> {
    const host = ctx.target
    const tls = ctx.services.tls
    let modern
    let modernError: string | undefined
    try {
      modern = await tls.probe(host, 443, { minVersion: 'TLSv1.2', signal: ctx.signal })
    } catch (e) {
      modernError = (e as Error).message
    }
    const legacy = await Promise.all((['TLSv1', 'TLSv1.1'] as const).map((v) => tls.acceptsVersion(host, 443, v, ctx.signal)))
    const accepted = legacy.filter((l) => l.accepted).map((l) => LABEL[l.version])
    const details = {
      modern: modern ? { protocol: modern.protocol, cipher: modern.cipher } : { error: modernError },
      legacy: legacy.map((l) => ({ version: l.version, accepted: l.accepted, ...(l.inconclusive ? { inconclusive: true } : {}), detail: l.detail })),
      ...(modern?.redirected ? { connectTo: [`${host}:443 → ${modern.connectedTo}`] } : {}),
    }
    const evidence = [{ kind: 'tls.protocols', label: `TLS versions offered by ${host}`, data: details }]
    if (!modern && accepted.length) return { status: 'fail', summary: `${host} only speaks legacy TLS (${accepted.join(', ')}); TLS 1.2+ fails: ${modernError}`, details, evidence }
    if (!modern) return { status: 'error', summary: `No TLS 1.2+ handshake with ${host}: ${modernError}`, details, evidence }
    if (accepted.length) return { status: 'warn', summary: `${host} still accepts ${accepted.join(' and ')}; it offers ${modern.protocol} too.`, details, evidence }
    const unknown = legacy.filter((l) => l.inconclusive)
    if (unknown.length) return { status: 'error', summary: `${host} offers ${modern.protocol}, but the legacy probe could not finish (${unknown[0].detail}).`, details, evidence }
    return { status: 'pass', summary: `${host} offers ${modern.protocol} and refuses TLS 1.0/1.1.`, details, evidence }
  },
}
