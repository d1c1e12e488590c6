import type { CheckModule, CheckOutcome } from '../types'

/** Keys smaller than this draw a warning (RSA); EC keys of 256 bits and up are fine. */
const MIN_RSA_BITS = 2048

export const check: CheckModule = {
  meta: {
    id: 'tls.cert',
    title: 'TLS certificate is valid, trusted and not about to expire',
    area: 'tls',
    stage: 'dns-routing',
    why: 'An expired or mismatched certificate shows visitors a full-page security warning and stops sign-ups dead.',
    fix: 'Renew the certificate (or turn on automatic renewal at the host/CDN), make sure it covers every host name, and serve the full chain.',
    byHand: { command: 'echo | openssl s_client -connect {host}:443 -servername {host} 2>/dev/null | openssl x509 -noout -subject -issuer -enddate', expect: 'notAfter more than 30 days away, and a subject (or its names) covering {host}' },
    runbook: 'certificate-expiry',
    scope: 'host',
    network: true,
  },
  async run(ctx): Promise<CheckOutcome> {
    const host = ctx.target
    let r
    try {
      r = await ctx.services.tls.probe(host, 443, { signal: ctx.signal })
    } catch (e) {
      // A server stuck on TLS 1.0/1.1 still has a certificate to judge (tls.protocols flags the versions).
      if (!/protocol version|no protocols available|unsupported protocol/i.test((e as Error).message)) return { status: 'error', summary: `No TLS handshake with ${host}: ${(e as Error).message}` }
      try {
        r = await ctx.services.tls.probe(host, 443, { signal: ctx.signal, minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' })
      } catch (e2) {
        return { status: 'error', summary: `No TLS handshake with ${host}: ${(e2 as Error).message}` }
      }
    }
    const leaf = r.chain[0]
    const t = ctx.thresholds
    const problems: { status: 'fail' | 'warn'; text: string }[] = []
    if (Date.parse(leaf.validTo) <= Date.now()) problems.push({ status: 'fail', text: leaf.daysLeft < 0 ? `expired ${-leaf.daysLeft} days ago (${leaf.validTo.slice(0, 10)})` : `expired today (${leaf.validTo})` })
    else if (Date.parse(leaf.validFrom) > Date.now()) problems.push({ status: 'fail', text: `not valid before ${leaf.validFrom.slice(0, 10)}` })
    else if (leaf.daysLeft < t.certFailDays) problems.push({ status: 'fail', text: `expires in ${leaf.daysLeft} days` })
    else if (leaf.daysLeft < t.certWarnDays) problems.push({ status: 'warn', text: `expires in ${leaf.daysLeft} days` })
    if (!r.nameMatch) problems.push({ status: 'fail', text: `does not cover ${host} (${leaf.san.join(', ') || leaf.subject})` })
    if (!r.trusted) problems.push({ status: 'fail', text: `is not trusted (${r.trustError ?? 'unknown issuer'})` })
    if (leaf.keyType === 'rsa' && (leaf.keyBits ?? 0) < MIN_RSA_BITS) problems.push({ status: (leaf.keyBits ?? 0) < 1024 ? 'fail' : 'warn', text: `uses a weak ${leaf.keyBits}-bit RSA key` })
    const status = problems.some((p) => p.status === 'fail') ? 'fail' : problems.length ? 'warn' : 'pass'
    const summary =
      status === 'pass'
        ? `Certificate for ${host} is trusted, matches, and has ${leaf.daysLeft} days left (${r.protocol}).`
        : `Certificate for ${host} ${problems.map((p) => p.text).join('; ')}.`
    return {
      status,
      summary,
      details: {
        protocol: r.protocol,
        cipher: r.cipher,
        trusted: r.trusted,
        ...(r.trustError ? { trustError: r.trustError } : {}),
        nameMatch: r.nameMatch,
        daysLeft: leaf.daysLeft,
        validTo: leaf.validTo,
        issuer: leaf.issuer,
        names: leaf.san,
        key: `${leaf.keyType}${leaf.keyBits ? ` ${leaf.keyBits}` : ''}${leaf.curve ? ` ${leaf.curve}` : ''}`,
        ...(r.redirected ? { connectTo: [`${host}:443 → ${r.connectedTo}`] } : {}),
      },
      evidence: [{ kind: 'tls.handshake', label: `TLS handshake with ${host}`, data: r }],
    }
  },
}
