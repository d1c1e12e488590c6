import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { normalizeDomain } from '@shared/domain'
import { handover } from '../../helpers/cli'
import { tempDir } from '../../helpers/tmp'
import { runs } from '../../unit/fuzz/arbitraries'

/**
 * The CLI (bin/handover.js) fed malformed domains: exit 2 with a one-line reason on stderr,
 * nothing on stdout with --json, never a stack trace. Only domains normalizeDomain refuses are
 * used, so no run can reach the network.
 */
const tmp = tempDir('handover-cli-input-')
afterAll(() => tmp.cleanup())

const badDomain = fc
  .oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('', ' ', 'localhost', 'co.uk', '192.168.1.1', '[::1]', 'a@b.example', 'x.example:80', '-x-.example', `${'a'.repeat(64)}.example`, 'ex ample.com', '..', '.example', '%00.example', '\u202eexample.com'),
  )
  .filter((d) => !normalizeDomain(d).ok && !d.startsWith('-'))

describe('CLI input: malformed domains', () => {
  it('engagement add and audit refuse them with exit 2 and a clear line', async () => {
    await fc.assert(
      fc.asyncProperty(badDomain, fc.constantFrom('engagement-add', 'audit'), async (domain, cmd) => {
        const args = cmd === 'audit' ? ['audit', domain, '--json'] : ['engagement', 'add', domain, '--json']
        const r = await handover(['--workspace', tmp.dir, ...args], { timeoutMs: 30_000 })
        expect(r.code, `${cmd} ${JSON.stringify(domain)}: ${r.stderr}`).toBe(2)
        expect(r.stdout.trim()).toBe('')
        expect(r.stderr.trim().length).toBeGreaterThan(0)
        expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
      }),
      runs(16),
    )
  }, 120_000)
})
