import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSecret, useSecretInput } from '../../../electron/cli/commands/credential'
import { createKeychainStore } from '../../../electron/core/vault/keychain'
import { tempDir } from '../../helpers/tmp'
import { runCli } from '../../helpers/cli'

const tmp = tempDir('handover-cli-cred-')
let keychain = false
beforeAll(async () => {
  keychain = (await createKeychainStore().available()).ok
})
afterAll(() => {
  useSecretInput(undefined)
  tmp.cleanup()
})

function piped(text: string): NodeJS.ReadStream {
  const s = new PassThrough() as unknown as NodeJS.ReadStream
  ;(s as unknown as PassThrough).end(text)
  return s
}

const cli = (args: string[]) => runCli(tmp.dir, args)

describe('readSecret', () => {
  it('reads a piped secret without its trailing newline', async () => {
    expect(await readSecret('> ', piped('s3cret-value\n'), new PassThrough())).toBe('s3cret-value')
  })

  it('reads from a TTY in raw mode without echoing, with backspace', async () => {
    const input = new PassThrough() as unknown as NodeJS.ReadStream & PassThrough
    const modes: boolean[] = []
    Object.assign(input, { isTTY: true, setRawMode: (m: boolean) => (modes.push(m), input) })
    let shown = ''
    const output = new PassThrough().on('data', (d) => (shown += d))
    const p = readSecret('Secret: ', input, output)
    input.write('abcX\u007fd\r')
    expect(await p).toBe('abcd')
    expect(shown).toBe('Secret: \n')
    expect(modes).toEqual([true, false])
  })
})

describe('handover credential', () => {
  it('lists nothing at first, as JSON and as text', async () => {
    expect(await cli(['credential', 'list', '--json'])).toMatchObject({ code: 0, stdout: '[]\n' })
    expect((await cli(['credential', 'list'])).stdout).toMatch(/No credentials yet/)
  })

  it('adds from stdin (never argv), lists, and removes — or refuses without a keychain', async () => {
    const secret = 'cli-secret-' + 'Q1w2E3r4T5y6U7i8'
    useSecretInput(piped(`${secret}\n`))
    const add = await cli(['credential', 'add', 'other', '--label', 'Ops token', '--owner', 'founder', '--json'])
    if (!keychain) {
      expect(add.code).toBe(1)
      expect(add.stderr).toMatch(/docs\/keychain\.md/)
      return
    }
    expect(add.code).toBe(0)
    const c = JSON.parse(add.stdout) as { id: string; owner: string }
    expect(c.owner).toBe('founder')
    expect(add.stdout + add.stderr).not.toContain(secret)
    const list = await cli(['credential', 'list'])
    expect(list.stdout).toContain(c.id.slice(0, 8))
    // No verifier for "other" in the CLI: verify says so and exits 2.
    expect((await cli(['credential', 'verify', c.id.slice(0, 8)])).code).toBe(2)
    // Off a TTY, remove needs --yes.
    expect((await cli(['credential', 'remove', c.id])).code).toBe(2)
    expect(await cli(['credential', 'remove', c.id, '--yes', '--json'])).toMatchObject({ code: 0 })
    expect(await cli(['credential', 'list', '--json'])).toMatchObject({ stdout: '[]\n' })
  })

  it('refuses a secret given on the command line', async () => {
    useSecretInput(piped(''))
    const r = await cli(['credential', 'add', 'cloudflare', 'argv-secret-0123456789', '--label', 'x'])
    expect(r.code).toBe(2)
    expect(r.stdout + r.stderr).not.toContain('argv-secret-0123456789')
  })

  it('rejects an unknown provider and an unknown id with exit 2', async () => {
    useSecretInput(piped('x-secret-value\n'))
    expect((await cli(['credential', 'remove', 'nope', '--yes'])).code).toBe(2)
    if (keychain) expect((await cli(['credential', 'add', 'myspace', '--label', 'x'])).code).toBe(2)
  })
})
