import { createHash, generateKeyPairSync, sign } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { acceptanceStems, acceptanceText, checkAcceptance, parseAcceptance } from '../../../electron/core/handover/bundle/acceptance'

const manifest = Buffer.from('{"format":"handover-bundle/1"}\n')
const manifestSha256 = createHash('sha256').update(manifest).digest('hex')
const statement = { manifestSha256, name: 'Ada Founder', email: 'ada@acme.example', acceptedAt: '2026-03-01T10:00:00Z' }

/** An acceptance's three files, signed with a fresh founder key. */
function accepted(text: string, stem = 'acceptance-ada') {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  return new Map<string, Buffer>([
    [`${stem}.txt`, Buffer.from(text)],
    [`${stem}.sig`, sign(null, Buffer.from(text), privateKey)],
    [`${stem}.pub.pem`, Buffer.from(publicKey.export({ type: 'spki', format: 'pem' }).toString())],
  ])
}

describe("a founder's acceptance", () => {
  it('reads its own text back, and what an editor adds (BOM, CRLF), and fields in any order', () => {
    expect(parseAcceptance(Buffer.from(acceptanceText(statement)))).toEqual(statement)
    const edited = `\uFEFFhandover-acceptance/1\r\nname: Ada Founder\r\nemail: ada@acme.example\r\naccepted-at: 2026-03-01\r\nmanifest-sha256: ${manifestSha256}\r\n`
    expect(parseAcceptance(Buffer.from(edited))).toEqual({ ...statement, acceptedAt: '2026-03-01' })
  })

  it.each([
    ['another format', acceptanceText(statement).replace('handover-acceptance/1', 'acceptance/2'), /does not start with/],
    ['a field twice', acceptanceText(statement) + 'name: Mallory\n', /gives name twice/],
    ['an unknown line', acceptanceText(statement) + 'role: owner\n', /a line it should not/],
    ['a missing field', acceptanceText(statement).replace(/email: .*\n/, ''), /gives no email/],
    ['a short hash', acceptanceText({ ...statement, manifestSha256: 'abc' }), /not a SHA-256/],
    ['a date that is none', acceptanceText({ ...statement, acceptedAt: 'yesterday' }), /not a date/],
    ['a control character', acceptanceText({ ...statement, name: 'Ada\u0007' }), /control characters/],
    ['a huge file', 'x'.repeat(5000), /larger than/],
  ])('refuses %s', (_, text, why) => {
    expect(parseAcceptance(Buffer.from(text))).toMatch(why)
  })

  it('holds over this manifest, names the founder and the key; fails over another manifest, a forged signature, a missing part', () => {
    const files = accepted(acceptanceText(statement))
    const ok = checkAcceptance('acceptance-ada', files, manifest)
    expect(ok).toMatchObject({ ok: true, name: 'Ada Founder', email: 'ada@acme.example', acceptedAt: '2026-03-01T10:00:00Z', fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(checkAcceptance('acceptance-ada', files, Buffer.from('{"another":"manifest"}\n'))).toMatchObject({ ok: false, name: 'Ada Founder', detail: expect.stringMatching(/accepts another manifest/) })
    const forged = new Map(files)
    forged.set('acceptance-ada.txt', Buffer.from(acceptanceText({ ...statement, name: 'Mallory' })))
    expect(checkAcceptance('acceptance-ada', forged, manifest)).toMatchObject({ ok: false, detail: expect.stringMatching(/does not verify/) })
    const partial = new Map(files)
    partial.delete('acceptance-ada.sig')
    expect(checkAcceptance('acceptance-ada', partial, manifest)).toMatchObject({ ok: false, detail: 'incomplete: acceptance-ada.sig missing' })
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
    const wrongKey = new Map(files)
    wrongKey.set('acceptance-ada.pub.pem', Buffer.from(rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString()))
    expect(checkAcceptance('acceptance-ada', wrongKey, manifest)).toMatchObject({ ok: false, detail: 'the .pub.pem file is not an Ed25519 public key' })
  })

  it('finds acceptances by file name only when the name is a plain lower-case label', () => {
    expect(acceptanceStems(['acceptance-ada.txt', 'acceptance-ada.sig', 'acceptance-bob-2.pub.pem', 'acceptance-.txt', 'acceptance-Ada.txt', 'acceptance-x.txt.bak', 'manifest.json'])).toEqual(['acceptance-ada', 'acceptance-bob-2'])
  })
})
