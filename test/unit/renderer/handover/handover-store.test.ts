import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handoverApi } from '../../../../electron/core/api/handover'
import { startServer, type BrowserServer } from '../../../../electron/serve/server'
import { createAppStore, type AppStore } from '../../../../renderer/src/store'
import { createHttpTransport } from '../../../../renderer/src/transport/http'
import { memoryStore, seededWorkspace } from '../../handover/fixture'
import { tempDir } from '../../../helpers/tmp'
import { consultantStore } from '../../../helpers/identity'

let server: BrowserServer
let ws: { dir: string; cleanup(): void }
let store: AppStore
let engagementId: string
let name: string

beforeAll(async () => {
  ws = tempDir('handover-store-')
  const seeded = seededWorkspace(ws.dir)
  engagementId = seeded.engagement.id
  seeded.ws.close()
  server = await startServer({ workspaceDir: ws.dir })
  const built = await handoverApi(server.core, await consultantStore(server.core.workspace, memoryStore())).createBundle({ engagementId })
  name = built.dir.split(/[\\/]/).pop()!
  store = createAppStore(createHttpTransport({ baseUrl: server.origin, token: server.token }))
})
afterAll(async () => {
  await server?.close()
  ws?.cleanup()
})

const s = () => store.getState()

describe('handover store: the shown bundle, its files and its folder (browser mode)', () => {
  it('shows the newest bundle on load, with where it lives and no native dialogs', async () => {
    await s().loadHandover(engagementId)
    expect(s().handover.shown).toBe(name)
    expect(s().handover.place).toMatchObject({ name, desktop: false })
    expect(s().handover.place!.zipSize).toBeGreaterThan(1000)
  })

  it('hands the PDF and the zip over as bytes, and refuses a path out of the bundle', async () => {
    const pdf = await s().bundleFileBytes(name, 'handover.pdf')
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-')
    await expect(s().bundleFileBytes(name, '../../workspace.sqlite')).rejects.toMatchObject({ info: { code: 'invalid_input' } })
    const zip = await s().bundleZipBytes(name)
    expect(zip?.fileName).toBe(`${name}.zip`)
    expect(new TextDecoder().decode(zip!.bytes.subarray(0, 2))).toBe('PK')
  })

  it('says so when this window has no folder or save dialogs', async () => {
    await s().openBundleFolder(name)
    await s().saveBundleCopy(name)
    expect(s().toasts.map((t) => t.title)).toEqual(['This window cannot open folders', 'This window has no save dialog'])
  })
})
