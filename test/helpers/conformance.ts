import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, it } from 'vitest'

/**
 * Third-party conformance data (RFC 7208 SPF suite, DMARC/DKIM/SPF vectors, Public Suffix List,
 * HSTS, the Cloudflare API schema, RDAP) lives beside the clone in ../shared/conformance and is
 * never copied into the project (README → "Conformance data" says where each suite comes from).
 */
export const CONFORMANCE_DIR = resolve(__dirname, '..', '..', '..', 'shared', 'conformance')

/**
 * A describe block over the conformance file or folder `rel`: `body` gets its absolute path. Where
 * it is absent the block is one skipped test whose name says why (and one line on stderr);
 * under CI=true its absence fails the file instead, because CI always lays the folder beside
 * the clone.
 */
export function describeConformance(rel: string, name: string, body: (path: string) => void): void {
  const path = join(CONFORMANCE_DIR, rel)
  if (existsSync(path)) {
    describe(name, () => body(path))
    return
  }
  const why = `../shared/conformance/${rel} is absent (README → Conformance data)`
  if (process.env.CI === 'true') throw new Error(`${name}: ${why}; CI needs the conformance folder beside the clone`)
  console.warn(`skipped ${name}: ${why}`)
  describe.skip(name, () => it(`needs ${why}`, () => {}))
}
