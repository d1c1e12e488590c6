import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/tmp'
import { realKeychain } from '../../helpers/keychain'
import { seededWorkspace } from '../../unit/handover/fixture'
import { createKeychainStore } from '../../../electron/core/vault/keychain'
import { openWorkspace } from '../../../electron/core/workspace'
import { removeIdentity } from '../../../electron/core/handover/identity'
import { cli, tool } from './tools'

// The Linux commands of VERIFY.txt, taken from the file itself and run for real (OpenSSL 3,
// coreutils, poppler's pdfsig), each against the output the file says to expect; so are the
// macOS pipelines that run unchanged here (LibreSSL-safe base64 decoding, Perl's shasum).
describe('VERIFY.txt, step by step with standard tools', () => {
  const tmp = tempDir()
  const wsDir = join(tmp.dir, 'ws')
  const out = join(tmp.dir, 'bundle')
  const keychain = createKeychainStore()
  let text = ''
  let fp = ''
  beforeAll(async () => {
    await realKeychain()
    seededWorkspace(wsDir).ws.close()
    expect((await cli(['--workspace', wsDir, 'identity', 'set', '--name', 'Ada Consultant', '--email', 'ada@example.com', '--organisation', 'Ada Launch Studio'])).code).toBe(0)
    const r = await cli(['--workspace', wsDir, 'bundle', '--out', out])
    expect(r.code, r.stderr).toBe(0)
    text = readFileSync(join(out, 'VERIFY.txt'), 'utf8')
    fp = (JSON.parse((await cli(['--workspace', wsDir, 'identity', 'show', '--json'])).stdout) as { fingerprint: string }).fingerprint
  })
  afterAll(async () => {
    const ws = openWorkspace(wsDir)
    await removeIdentity(ws.db, keychain, 'consultant')
    await removeIdentity(ws.db, keychain, 'founder')
    ws.close()
    tmp.cleanup()
  })

  /** The command line in VERIFY.txt that starts with `start` (indented under its platform). */
  const command = (start: string): string => {
    const line = text.split('\n').find((l) => l.trimStart().startsWith(start))
    if (!line) throw new Error(`VERIFY.txt has no command starting with ${start}`)
    return line.trim()
  }
  /** The lines VERIFY.txt says to expect after `heading`, up to the next blank or heading line. */
  const expected = (heading: string): string[] => {
    const lines = text.split('\n')
    const at = lines.findIndex((l) => l.includes(heading))
    const out: string[] = []
    for (const l of lines.slice(at + 1)) {
      if (!/^ {4}\S/.test(l)) break
      out.push(l.trim())
    }
    return out
  }
  const sh = (cmd: string, dir = out, env?: NodeJS.ProcessEnv) => tool('sh', ['-c', cmd], dir, env)
  const copyOf = (name: string) => {
    const dir = join(tmp.dir, name)
    cpSync(out, dir, { recursive: true })
    return dir
  }

  it('names the one fingerprint to compare, the key the consultant set, and how to pin it', () => {
    expect(text).toContain(`    ${fp}\n`)
    expect(text).toContain(`handover verify <this folder> --expect-fingerprint ${fp}`)
    expect(text).toContain('Signed by:  Ada Consultant <ada@example.com> (Ada Launch Studio)')
  })

  it('step 1 lists the folder against the manifest: silent on the bundle, names an extra file, hidden ones included', async () => {
    const list = command('ls -A | grep -Evx')
    expect(sh(list)).toEqual({ code: 1, out: '' })
    const dir = copyOf('extra')
    writeFileSync(join(dir, '.DS_Store'), 'hidden')
    writeFileSync(join(dir, 'invoice.pdf.exe'), 'MZ')
    expect(sh(list, dir).out.split('\n').filter(Boolean).sort()).toEqual(['.DS_Store', 'invoice.pdf.exe'])
    // and `verify` reports both
    const v = await cli(['verify', dir])
    expect(v.code).toBe(1)
    expect(v.stdout).toMatch(/FAIL\s+file \.DS_Store: is a hidden file, not part of the signed bundle/)
    expect(v.stdout).toMatch(/FAIL\s+file invoice\.pdf\.exe: not listed in the manifest/)
  })

  it("step 2 prints the key's fingerprint, by the Linux command and by the macOS one (base64 and shasum)", () => {
    expect(sh(command('openssl pkey -pubin -in signer.pub.pem -outform DER | sha256sum')).out).toBe(`${fp}  -\n`)
    expect(sh(command('grep -v -- ----- signer.pub.pem | openssl enc -base64 -d | shasum -a 256')).out).toBe(`${fp}  -\n`)
    expect(text.match(/Expect: ([0-9a-f]{64}) {2}-/g)).toEqual([`Expect: ${fp}  -`, `Expect: ${fp}  -`])
    expect(text).toContain(`Expect: ${fp.toUpperCase()}`)
  })

  it('step 3 verifies the manifest signature with OpenSSL 3', () => {
    const cmd = command('openssl pkeyutl -verify -pubin -inkey signer.pub.pem')
    expect(sh(cmd).out).toContain('Signature Verified Successfully')
    const dir = copyOf('bad-manifest')
    writeFileSync(join(dir, 'manifest.json'), readFileSync(join(dir, 'manifest.json'), 'utf8').replace('Ada Consultant', 'Eve Consultant'))
    expect(sh(cmd, dir).out).toContain('Signature Verification Failure')
  })

  it('step 4 checks every file against the signed manifest (sha256sum on Linux, shasum on macOS), naming a changed one', () => {
    const want = expected('Expect these').join('\n') + '\n'
    expect(want).toContain('handover.pdf: OK')
    const linux = command(`sed -nE 's/.*"path"`)
    expect(linux.endsWith('| sha256sum -c')).toBe(true)
    expect(sh(linux)).toEqual({ code: 0, out: want })
    const mac = text.split('\n').find((l) => l.includes('| shasum -a 256 -c'))!.trim()
    expect(sh(mac)).toEqual({ code: 0, out: want })
    const dir = copyOf('changed')
    writeFileSync(join(dir, 'inventory.json'), '{"entries":[]}\n')
    const r = sh(linux, dir)
    expect(r.code).not.toBe(0)
    expect(r.out).toContain('inventory.json: FAILED')
  })

  it('step 5: pdfsig says valid and whole, and the PDF was signed with signer.cert.pem', () => {
    const pdf = sh(command('pdfsig handover.pdf')).out
    for (const line of expected('Expect, among its lines:')) expect(pdf).toContain(line)
    const dumped = sh(command('(cd "$(mktemp -d)" && pdfsig -dump')).out
    const cert = sh(command('openssl x509 -in signer.cert.pem -outform DER | sha256sum')).out
    const want = /Expect the same line from both: ([0-9a-f]{64}) {2}-/.exec(text)![1]
    expect(dumped).toBe(`${want}  -\n`)
    expect(cert).toBe(`${want}  -\n`)
    // the dump went to a temporary folder, not into the bundle
    expect(sh(command('ls -A | grep -Evx')).out).toBe('')
  })

  it('step 7 makes an acceptance with openssl alone; step 6 and `verify` accept it and name the founder', async () => {
    const dir = copyOf('openssl-accept')
    const home = join(tmp.dir, 'founder-home')
    mkdirSync(home)
    const lines = text.split('\n')
    const from = lines.findIndex((l) => l.trim().startsWith('openssl genpkey -algorithm ed25519'))
    const to = lines.findIndex((l) => l.trim().startsWith('openssl pkeyutl -sign'))
    const script = lines
      .slice(from, to + 1)
      .join('\n')
      .replaceAll('NAME', 'ada-lovelace')
      .replace('"Your Name"', '"Ada Lovelace"')
      .replace('you@example.com', 'ada@lovelace.example')
    const made = sh(`set -e\n${script}`, dir, { HOME: home })
    expect(made.code, made.out).toBe(0)
    // the private key stayed at home, out of the bundle; the folder holds only allowed names
    expect(readdirSync(home)).toEqual(['handover-acceptance.key'])
    expect(sh(command('ls -A | grep -Evx'), dir).out).toBe('')
    const check = command('openssl pkeyutl -verify -pubin -inkey acceptance-NAME.pub.pem').replaceAll('NAME', 'ada-lovelace')
    expect(sh(check, dir).out).toContain('Signature Verified Successfully')
    const stated = sh('grep manifest-sha256 acceptance-ada-lovelace.txt', dir).out
    const actual = sh(command('openssl dgst -sha256 -r manifest.json'), dir).out
    expect(stated.slice('manifest-sha256: '.length, 81)).toBe(actual.slice(0, 64))
    const v = await cli(['verify', dir])
    expect(v.code, v.stdout).toBe(0)
    expect(v.stdout).toMatch(/Accepted by Ada Lovelace <ada@lovelace\.example> on \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, key [0-9a-f]{64}/)
  })
})
