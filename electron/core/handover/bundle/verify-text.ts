import type { Manifest } from './manifest'
import { acceptanceSteps, failureAdvice } from './verify-text-accept'

/** The folder listing allowed beside the signed files: ERE for grep -x, and .NET for PowerShell. */
export function allowedNamesPattern(names: string[]): string {
  const esc = (n: string) => n.replace(/[.]/g, '\\.')
  return `${[...names].sort().map(esc).join('|')}|acceptance-[a-z0-9][a-z0-9-]*\\.(txt|sig|pub\\.pem)`
}

const rule = (title: string) => ['', '-'.repeat(78), title, '-'.repeat(78), '']

/**
 * VERIFY.txt: how a founder checks the bundle with standard tools on Linux, macOS and Windows,
 * each step with the output to expect (the macOS and Windows commands and their outputs are
 * taken from each tool's documentation: docs/verify.md lists the sources), then what to do
 * when a step fails. `names` are the files the manifest will list (VERIFY.txt included).
 */
export function verifyText(m: Manifest, names: string[]): string {
  const fp = m.signer.fingerprint
  const domain = m.engagement.domainUnicode !== m.engagement.domain ? `${m.engagement.domainUnicode}, ${m.engagement.domain}` : m.engagement.domain
  const who = [m.signer.name, m.signer.email && `<${m.signer.email}>`, m.signer.organisation && `(${m.signer.organisation})`].filter(Boolean).join(' ')
  const byName = (a: string, b: string) => a.localeCompare(b)
  const all = [...names, 'manifest.json', 'manifest.sig'].sort(byName)
  const pattern = allowedNamesPattern(all)
  // in manifest.json's order, which is the order sed prints them in
  const listed = [...names].sort(byName)
  const sed = `sed -nE 's/.*"path": "([^"]+)", "sha256": "([0-9a-f]{64})".*/\\2  \\1/p' manifest.json`
  const verifyCmd = 'pkeyutl -verify -pubin -inkey signer.pub.pem -rawin -in manifest.json -sigfile manifest.sig'
  return [
    'HANDOVER BUNDLE: HOW TO CHECK IT YOURSELF',
    '',
    `Client:     ${m.engagement.client} (${domain})`,
    `Signed by:  ${who}`,
    ...(m.signer.website ? [`Website:    ${m.signer.website}`] : []),
    `Signed on:  ${m.createdAt}`,
    '',
    "THE ONE NUMBER TO COMPARE: the consultant's signing key fingerprint",
    '(SHA-256 of the public key in signer.pub.pem):',
    '',
    `    ${fp}`,
    '',
    'Compare it with the fingerprint your consultant gave you another way (in person, on a',
    'call, in a message you already trust) before you trust anything in this folder. The steps',
    'below prove that every file is exactly what the holder of that key signed; only this',
    'comparison proves who that is. Step 2 prints it from the key itself.',
    '',
    `With Handover Console: handover verify <this folder> --expect-fingerprint ${fp}`,
    '',
    'Run every command inside this folder. Each step says what it prints when all is well;',
    'anything else: see WHEN A STEP FAILS at the end.',
    ...rule('STEP 1. Nothing in the folder but the bundle'),
    `The folder holds exactly these ${all.length} files, plus founders' acceptances (acceptance-*.txt,`,
    '.sig and .pub.pem, step 6). Any other file, hidden ones included, is covered by no signature.',
    '',
    ...all.map((n) => `    ${n}`),
    '',
    '  Linux and macOS (Terminal):',
    `    ls -A | grep -Evx '${pattern}'`,
    '  Windows (PowerShell):',
    `    (Get-ChildItem -Force -Name) -cnotmatch '^(${pattern})$'`,
    '  Expect: no output at all. A name printed is a file that is not part of the bundle.',
    ...rule('STEP 2. The key is the one your consultant gave you'),
    '  Linux (OpenSSL 3):',
    '    openssl pkey -pubin -in signer.pub.pem -outform DER | sha256sum',
    `  Expect: ${fp}  -`,
    "  macOS (the built-in openssl, LibreSSL, and shasum are enough here):",
    '    grep -v -- ----- signer.pub.pem | openssl enc -base64 -d | shasum -a 256',
    `  Expect: ${fp}  -`,
    '  Windows (PowerShell):',
    "    (Get-FileHash -InputStream ([IO.MemoryStream]::new([Convert]::FromBase64String(((Get-Content signer.pub.pem) -notmatch '-----') -join '')))).Hash",
    `  Expect: ${fp.toUpperCase()}`,
    '          (the same digits; PowerShell prints them in upper case)',
    ...rule('STEP 3. The manifest is signed by that key'),
    '  Linux (OpenSSL 3):',
    `    openssl ${verifyCmd}`,
    "  macOS: the built-in /usr/bin/openssl is LibreSSL, which cannot check Ed25519 signatures",
    '  before version 3.7 (macOS ships 3.3); use OpenSSL 3 from Homebrew (brew install openssl@3):',
    `    "$(brew --prefix openssl@3)/bin/openssl" ${verifyCmd}`,
    '  Windows (PowerShell; Git for Windows 2.42 or later ships OpenSSL 3):',
    `    & "$env:ProgramFiles\\Git\\mingw64\\bin\\openssl.exe" ${verifyCmd}`,
    '  Expect: Signature Verified Successfully',
    ...rule('STEP 4. Every file has the hash the signed manifest gives it'),
    '  Linux:',
    `    ${sed} | sha256sum -c`,
    '  macOS:',
    `    ${sed} | shasum -a 256 -c`,
    '  Windows (PowerShell):',
    '    (Get-Content manifest.json -Raw | ConvertFrom-Json).files | ForEach-Object { if ((Get-FileHash -LiteralPath $_.path -Algorithm SHA256).Hash -eq $_.sha256) { "$($_.path): OK" } else { "$($_.path): FAILED" } }',
    `  Expect these ${listed.length} lines, in this order:`,
    ...listed.map((n) => `    ${n}: OK`),
    ...rule('STEP 5. The PDF is signed, whole, with the certificate beside it'),
    '  The cover of handover.pdf prints the key fingerprint: it must be the one from step 2.',
    '  Linux (poppler-utils) and macOS (brew install poppler):',
    '    pdfsig handover.pdf',
    '  Expect, among its lines:',
    `    - Signer Certificate Common Name: ${m.signer.name}`,
    '    - Total document signed',
    '    - Signature Validation: Signature is Valid.',
    '    - Certificate Validation: Certificate issuer is unknown.',
    '  "Issuer is unknown" is expected: the certificate is self-issued, and step 2 is what ties it',
    '  to your consultant. That the PDF was signed with signer.cert.pem (listed in the manifest):',
    '    (cd "$(mktemp -d)" && pdfsig -dump "$OLDPWD/handover.pdf" >/dev/null && openssl pkcs7 -inform DER -in handover.pdf.sig0 -print_certs | openssl x509 -outform DER | sha256sum)',
    '    openssl x509 -in signer.cert.pem -outform DER | sha256sum',
    `  Expect the same line from both: ${m.signer.certFingerprint ?? '(no certificate)'}  -`,
    '  Windows and macOS without poppler: open handover.pdf in Adobe Acrobat Reader and its',
    `  Signatures panel. Expect a signature by ${m.signer.name} with a question mark: "the signer's`,
    "  certificate isn't in your list of trusted identities\" (self-issued, as above). A red X means",
    '  the signature is invalid: the document was changed after it was signed.',
    ...acceptanceSteps(rule),
    ...failureAdvice(rule),
    '',
  ].join('\n')
}
