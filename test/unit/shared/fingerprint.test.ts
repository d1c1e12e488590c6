import { describe, expect, it } from 'vitest'
import { FINGERPRINT_COMMAND, normalizeFingerprint } from '@shared/fingerprint'

const fp = '3702e9dc1a24c3ce497095a72cbaad398a7ec6db18ede56839e029f29a5eaf30'

describe('key fingerprints, in one format', () => {
  it.each([
    ['as printed', fp],
    ["Get-FileHash's upper case", fp.toUpperCase()],
    ['colon-separated pairs', fp.match(/../g)!.join(':')],
    ['groups of four', fp.match(/..../g)!.join(' ')],
    ['OpenSSL 3 dgst output', `SHA2-256(stdin)= ${fp}`],
    ['LibreSSL dgst output', `(stdin)= ${fp}`],
    ['sha256sum of stdin', `${fp}  -`],
    ['a sha256: prefix', `sha256:${fp}`],
    ['surrounding space', `  ${fp}\n`],
  ])('reads %s', (_, text) => {
    expect(normalizeFingerprint(text)).toBe(fp)
  })

  it.each([['too short', fp.slice(1)], ['not hex', fp.replace('a', 'g')], ['two of them', `${fp} ${fp}`], ['empty', '']])('refuses %s', (_, text) => {
    expect(normalizeFingerprint(text)).toBeNull()
  })

  it('names the openssl command that prints it from a bundle', () => {
    expect(FINGERPRINT_COMMAND).toBe('openssl pkey -pubin -in signer.pub.pem -outform DER | openssl dgst -sha256')
  })
})
