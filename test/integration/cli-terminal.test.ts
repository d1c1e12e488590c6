import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/tmp'
import { runCli } from '../helpers/cli'

const tmp = tempDir('handover-cli-terminal-')
afterAll(() => tmp.cleanup())

// A DMARC record whose rua carries a blink sequence, an 8-bit CSI (clear screen) and a bidi override.
const SCENARIO = `
name: escapes
domains: [escapes.test]
hosts: [{ name: escapes.test, role: apex }]
dns:
  zones:
    escapes.test:
      nameservers: [{ name: ns1.escapes.test, ip: 127.0.53.41 }]
      records:
        - { name: '@', type: A, data: 127.0.80.41 }
        - { name: _dmarc, type: TXT, data: "v=DMARC1; p=none; rua=mailto:\\e[5mreports@evil.test\\e[0m,mailto:\\u009b2J\\u202eabc@evil.test" }
`

const cli = (args: string[]) => runCli(tmp.dir, args)

// eslint-disable-next-line no-control-regex -- control characters are what the test looks for
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

describe('network text in the CLI', () => {
  const file = join(tmp.dir, 'escapes.yaml')
  writeFileSync(file, SCENARIO)

  it('prints a DMARC rua full of escape sequences as visible text, never as escapes', async () => {
    const human = await cli(['audit', '--lab', file, '--checks', 'mail.dmarc', '--no-progress'])
    expect(human.stdout).toContain('mail.dmarc')
    expect(human.stdout).toContain('\\x1b[5m')
    expect(human.stdout + human.stderr).not.toMatch(UNSAFE)
    const json = await cli(['audit', '--lab', file, '--checks', 'mail.dmarc', '--no-progress', '--json'])
    const doc = JSON.parse(json.stdout) as { checks: { summary: string }[] }
    // the value is intact for a program; the bytes on the terminal are inert
    expect(doc.checks[0].summary).toContain('\u001b[5m')
    expect(json.stdout).not.toMatch(UNSAFE)
  })
})
