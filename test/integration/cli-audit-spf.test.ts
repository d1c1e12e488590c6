import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/tmp'
import { runCli } from '../helpers/cli'

const tmp = tempDir('handover-cli-spf-')
afterAll(() => tmp.cleanup())

const cli = (args: string[]) => runCli(tmp.dir, args)

describe('handover spf (against the demo lab)', () => {
  it('an address in an include passes, with the include tree and lookup counts', async () => {
    const r = await cli(['spf', 'acme-launch.example', '--ip', '127.0.25.1', '--lab', 'demo', '--json'])
    const doc = JSON.parse(r.stdout)
    expect(Object.keys(doc).sort()).toEqual(['explanation', 'lookups', 'result', 'tree', 'voidLookups'])
    expect(doc.result).toBe('pass')
    expect(doc.lookups).toBe(2)
    expect(doc.tree.children[0]).toMatchObject({ domain: '_spf.acme-launch.example', via: 'include', result: 'pass', matched: 'a:mx1.acme-launch.example' })
    expect(r.code).toBe(0)
  })

  it('an unknown address walks every include and hits the 10-lookup limit: permerror, exit 1', async () => {
    const r = await cli(['spf', 'acme-launch.example', '--ip', '192.0.2.99', '--lab', 'demo', '--json'])
    const doc = JSON.parse(r.stdout)
    expect(doc.result).toBe('permerror')
    expect(doc.lookups).toBe(11)
    expect(doc.tree.children.map((c: { domain: string; totalLookups: number }) => [c.domain, c.totalLookups])).toEqual([
      ['_spf.acme-launch.example', 3],
      ['_mkt.acme-launch.example', 2],
      ['_crm.acme-launch.example', 2],
    ])
    expect(r.code).toBe(1)
  })

  it('human output shows the tree; bad input exits 2', async () => {
    const r = await cli(['spf', 'acme-launch.example', '--ip', '127.0.25.1', '--lab', 'demo'])
    expect(r.stdout).toMatch(/PASS/)
    expect(r.stdout).toMatch(/include:_spf\.acme-launch\.example/)
    expect((await cli(['spf', 'acme-launch.example', '--ip', 'not-an-ip'])).code).toBe(2)
    expect((await cli(['spf', 'bad domain!', '--ip', '192.0.2.1'])).code).toBe(2)
    expect((await cli(['spf', 'evil\u001b[2J.example', '--ip', '192.0.2.1'])).code).toBe(2)
  })

  it('takes any name a mail server could be handed (RFC 7208 §4.3): underscore labels evaluate, single labels and literals are none', async () => {
    const r = await cli(['spf', '_spf.acme-launch.example', '--ip', '127.0.25.1', '--lab', 'demo', '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ result: 'pass', tree: { domain: '_spf.acme-launch.example' } })
    for (const name of ['localhost', '[192.0.2.1]', 'a..example']) {
      const x = await cli(['spf', name, '--ip', '192.0.2.1', '--lab', 'demo', '--json'])
      expect([name, x.code, JSON.parse(x.stdout).result]).toEqual([name, 1, 'none'])
    }
    const human = await cli(['spf', 'localhost', '--ip', '192.0.2.1', '--lab', 'demo'])
    expect(human.stdout).toMatch(/^SPF for 192\.0\.2\.1 sending as localhost: NONE \("localhost" is not a valid domain name\)/)
  })
})
