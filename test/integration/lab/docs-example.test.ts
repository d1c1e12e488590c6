import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseScenario, startLab } from '../../../electron/lab'
import { curl, dig, header, nsAddr, tool, writeCa } from './tools'

const DOC = path.resolve(__dirname, '../../../docs/lab-scenarios.md')

/** The fenced yaml block under "## A complete example". */
function example(): string {
  const md = readFileSync(DOC, 'utf8')
  const section = md.slice(md.indexOf('## A complete example'))
  const m = /```yaml\n([\s\S]*?)```/.exec(section)
  if (!m) throw new Error('no yaml block under "A complete example"')
  return m[1]
}

describe('docs/lab-scenarios.md example', () => {
  it('loads, starts, answers as documented, and its fixes apply', async () => {
    const s = parseScenario(example(), 'lab-scenarios.md')
    const lab = await startLab(s)
    const dir = mkdtempSync(path.join(tmpdir(), 'lab-doc-'))
    try {
      expect(await dig(nsAddr(lab, 'ns2.shop.example'), 'api.shop.example', 'A', '+short')).toBe('127.0.80.79\n')
      expect(await dig(lab.endpoints.resolver, 'shop.example', 'MX', '+short')).toBe('10 mx.shop.example.\n')
      const ca = writeCa(lab, path.join(dir, 'ca.pem'))
      const r = await curl(lab, ca, '-L', '-D', '-', '-o', '/dev/null', '-w', '%{url_effective}', 'http://www.shop.example/x?y=1')
      expect(header(r.stdout, 'strict-transport-security')).toBe('max-age=31536000')
      expect(r.stdout.endsWith('https://shop.example/x?y=1')).toBe(true)
      const h = await curl(lab, ca, 'https://api.shop.example/health')
      expect(JSON.parse(h.stdout)).toEqual({ status: 'ok' })
      await lab.applyFix('sync-ns2')
      expect(await dig(nsAddr(lab, 'ns2.shop.example'), 'api.shop.example', 'A', '+short')).toBe('127.0.80.72\n')
      await lab.applyFix('renew-api')
      const days = await tool('sh', ['-c', `openssl s_client -connect 127.0.0.1:${lab.endpoints.web['api.shop.example'].https} -servername api.shop.example </dev/null 2>/dev/null | openssl x509 -noout -checkend ${30 * 86400}`])
      expect(days.stdout).toMatch(/will not expire/)
    } finally {
      await lab.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
