import type { Manifest } from './manifest'

/** VERIFY.txt: how anyone checks the bundle with standard tools, no app needed. */
export function verifyText(m: Manifest, hashes: { path: string; sha256: string }[]): string {
  const lines = [
    `Handover bundle: ${m.engagement.client} (${m.engagement.domainUnicode}${m.engagement.domainUnicode !== m.engagement.domain ? `, ${m.engagement.domain}` : ''})`,
    `Signed by ${m.signer.name}${m.signer.email ? ` <${m.signer.email}>` : ''} on ${m.createdAt}`,
    '',
    'Fingerprints to compare with the ones your consultant gave you:',
    `  manifest key (Ed25519, SHA-256 of the public key DER): ${m.signer.fingerprint}`,
    `    openssl pkey -pubin -in signer.pub.pem -outform DER | sha256sum`,
    `  PDF certificate (SHA-256):                           ${m.signer.certFingerprint ?? '-'}`,
    `    openssl x509 -in signer.cert.pem -noout -fingerprint -sha256`,
    '',
    'Run these commands inside this folder.',
    '',
    '1. The manifest signature (OpenSSL 3). Expect "Signature Verified Successfully":',
    '',
    '   openssl pkeyutl -verify -pubin -inkey signer.pub.pem -rawin -in manifest.json -sigfile manifest.sig',
    '',
    '2. Every file against its SHA-256 (the same hashes as manifest.json). Expect "OK" on every line:',
    '',
    "   grep -E '^[0-9a-f]{64}  ' VERIFY.txt | sha256sum -c",
    '',
    ...hashes.map((h) => `${h.sha256}  ${h.path}`),
    '',
    '   VERIFY.txt itself is listed in manifest.json; compare: sha256sum VERIFY.txt',
    '',
    '3. The PDF signature (poppler-utils). Expect "Signature is Valid." and "Total document signed";',
    '   "Certificate issuer is unknown" is expected: the certificate is self-issued, which is why',
    '   you compare its fingerprint above.',
    '',
    '   pdfsig handover.pdf',
    '',
    '4. The founder\u2019s countersignature, when manifest.founder.sig is present:',
    '',
    '   openssl pkeyutl -verify -pubin -inkey founder.pub.pem -rawin -in manifest.json -sigfile manifest.founder.sig',
    '',
    'Or all at once with Handover Console: handover verify <this folder>',
    '',
  ]
  return lines.join('\n')
}
