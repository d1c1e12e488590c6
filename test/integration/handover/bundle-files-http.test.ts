import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request } from 'undici'
import { handoverApi } from '../../../electron/core/api/handover'
import { startServer, type BrowserServer } from '../../../electron/serve/server'
import { projectRoot } from '../../../electron/core/paths'
import type { BundleInfo } from '@shared/contract/handover'
import { memoryStore, seededWorkspace } from '../../unit/handover/fixture'
import { tempDir } from '../../helpers/tmp'
import { consultantStore } from '../../helpers/identity'

let server: BrowserServer
let ws: { dir: string; cleanup(): void }
let engagementId: string
let bundle: BundleInfo
let name: string

beforeAll(async () => {
  ws = tempDir('handover-bundle-http-')
  const seeded = seededWorkspace(ws.dir)
  engagementId = seeded.engagement.id
  seeded.ws.close()
  server = await startServer({ workspaceDir: ws.dir })
  bundle = await handoverApi(server.core, await consultantStore(server.core.workspace, memoryStore())).createBundle({ engagementId })
  name = bundle.dir.split(/[\\/]/).pop()!
})
afterAll(async () => {
  await server?.close()
  ws?.cleanup()
})

async function call(method: string, body: unknown, token = server.token) {
  const r = await request(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
  return { status: r.statusCode, body: (await r.body.text()) as string }
}

describe('bundle files over browser mode (HTTP, token-protected, confined)', () => {
  it('serves the PDF and the zip to a caller with the token, and nothing to one without', async () => {
    const pdf = await call('readBundleFile', { engagementId, bundle: name, path: 'handover.pdf' })
    const { value } = JSON.parse(pdf.body) as { value: { base64: string } }
    expect(Buffer.from(value.base64, 'base64').equals(readFileSync(join(bundle.dir, 'handover.pdf')))).toBe(true)
    const zip = JSON.parse((await call('readBundleZip', { engagementId, bundle: name })).body) as { value: { path: string; base64: string } }
    expect(zip.value.path).toBe(`${name}.zip`)
    expect(Buffer.from(zip.value.base64, 'base64').equals(readFileSync(bundle.zip))).toBe(true)
    for (const method of ['readBundleFile', 'readBundleZip']) {
      const refused = await call(method, { engagementId, bundle: name, path: 'handover.pdf' }, 'wrong-token')
      expect(refused.status, method).toBe(403)
      expect(refused.body).not.toContain('%PDF')
    }
  })

  it('answers a planted path with a refusal, never the file', async () => {
    for (const path of ['../../workspace.sqlite', '../' + name + '.zip', '%2e%2e/manifest.json', '/etc/passwd']) {
      const r = await call('readBundleFile', { engagementId, bundle: name, path })
      const body = JSON.parse(r.body) as { ok: boolean; error?: { code: string } }
      expect(body.ok, path).toBe(false)
      expect(['invalid_input', 'not_found'], path).toContain(body.error!.code)
    }
    const climb = JSON.parse((await call('readBundleZip', { engagementId, bundle: '../bundles' })).body) as { ok: boolean; error: { code: string } }
    expect(climb).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it("serves pdf.js's worker (.mjs) as JavaScript, which module workers require", async () => {
    const assets = join(projectRoot(), 'out', 'renderer', 'assets')
    const worker = existsSync(assets) ? readdirSync(assets).find((f) => f.startsWith('pdf.worker') && f.endsWith('.mjs')) : undefined
    if (!worker) throw new Error('build the renderer first (npx electron-vite build): no pdf.js worker in out/renderer/assets')
    const r = await request(`${server.origin}/assets/${worker}`)
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8')
    await r.body.text()
  })
})
