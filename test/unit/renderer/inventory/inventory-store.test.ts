import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type BrowserServer } from '../../../../electron/serve/server'
import { createAppStore, type AppStore } from '../../../../renderer/src/store'
import { blankFields, fieldsOf } from '../../../../renderer/src/store/inventoryRows'
import { createHttpTransport } from '../../../../renderer/src/transport/http'
import { seededWorkspace } from '../../handover/fixture'
import { tempDir } from '../../../helpers/tmp'

let server: BrowserServer
let ws: { dir: string; cleanup(): void }
let store: AppStore
let engagementId: string

beforeAll(async () => {
  ws = tempDir('inventory-store-')
  const seeded = seededWorkspace(ws.dir)
  engagementId = seeded.engagement.id
  seeded.ws.close()
  server = await startServer({ workspaceDir: ws.dir })
  store = createAppStore(createHttpTransport({ baseUrl: server.origin, token: server.token }))
  await store.getState().refreshEngagements()
})
afterAll(async () => {
  await server?.close()
  ws?.cleanup()
})

const s = () => store.getState()
const inv = () => s().inventory
const names = () => inv().items!.map((e) => `${e.system}:${e.name}`)

describe('inventory store against the real core (browser mode)', () => {
  it('loads the standard rows, then prefills from the seeded check results and says what it did', async () => {
    await s().loadInventory(engagementId)
    expect(inv().items).toHaveLength(13)
    expect(inv().items!.every((e) => e.source === 'default')).toBe(true)
    await s().prefillInventory()
    const cdn = inv().items!.find((e) => e.system === 'cdn')!
    expect(cdn).toMatchObject({ name: 'Cloudflare', ownerAccount: 'consultant@example.com', twoFactor: 'on', source: 'evidence' })
    expect(inv().note).toMatch(/^Filled \d+ empty fields in \d+ rows?/)
    expect(inv().busy).toBeNull()
  })

  it('keeps the sheet open with field errors when the contract refuses a row, then adds it', async () => {
    s().openInventoryRow(null)
    const bad = { ...blankFields('payments'), name: 'Stripe', loginUrl: 'dashboard.stripe.example' }
    expect(await s().saveInventoryRow(bad)).toBe(false)
    expect(inv().sheet).toMatchObject({ mode: 'add', busy: false, errors: { loginUrl: 'login URL must be a full URL' } })
    expect(await s().saveInventoryRow({ ...bad, loginUrl: 'https://dashboard.stripe.example/' })).toBe(true)
    expect(inv().sheet).toBeNull()
    expect(names()).toContain('payments:Stripe')
    expect(s().toasts.at(-1)!.title).toBe('Added Payments \u2014 Stripe')
  })

  it('edits a row in place and removes one only after the confirmation', async () => {
    const reg = inv().items!.find((e) => e.system === 'registrar')!
    s().openInventoryRow(reg.id)
    expect(await s().saveInventoryRow({ ...fieldsOf(reg), name: 'Gandi', twoFactor: 'off', admins: ['zoe@example.com'] })).toBe(true)
    expect(inv().items![0]).toMatchObject({ id: reg.id, name: 'Gandi', twoFactor: 'off', source: 'manual' })

    const analytics = inv().items!.find((e) => e.system === 'analytics')!
    s().askRemoveInventoryRow(analytics.id)
    expect(inv().dialog).toMatchObject({ kind: 'remove', title: 'Analytics' })
    s().closeInventoryDialog()
    expect(inv().items!.some((e) => e.id === analytics.id)).toBe(true)
    s().askRemoveInventoryRow(analytics.id)
    await s().confirmInventoryDialog()
    expect(inv().items!.some((e) => e.id === analytics.id)).toBe(false)
    expect(inv().dialog).toBeNull()
    // gone in core too
    await s().loadInventory(engagementId)
    expect(inv().items!.some((e) => e.id === analytics.id)).toBe(false)
  })

  it('exports, and a replace import asks first, then brings back exactly the exported rows', async () => {
    const exported = s().exportInventory()!
    expect(exported.fileName).toBe(`inventory-${s().engagements.items[0]!.domain}.json`)
    const before = names()
    // change the inventory, then restore it from the file
    await s().chooseInventoryFile('more.json', JSON.stringify([{ system: 'custom', name: 'Linear' }]), 'merge')
    expect(names()).toEqual([...before, 'custom:Linear'])
    expect(inv().note).toBe(`Merged 1 row from more.json: 1 added, 0 updated. The inventory now has ${before.length + 1} rows.`)

    s().openInventoryImport()
    await s().chooseInventoryFile(exported.fileName, exported.text, 'replace')
    expect(inv().dialog).toMatchObject({ kind: 'replace', fileName: exported.fileName })
    expect(names()).toContain('custom:Linear') // nothing happened yet
    await s().confirmInventoryDialog()
    expect(inv().dialog).toBeNull()
    expect(names()).toEqual(before)
    expect(inv().items!.every((e) => e.source === 'import')).toBe(true)
  })

  it('refuses a bad file in the dialog without touching the inventory', async () => {
    const before = names()
    s().openInventoryImport()
    await s().chooseInventoryFile('bad.json', '[{"system":"dns","loginUrl":"nope"}]', 'replace')
    expect(inv().dialog).toEqual({ kind: 'import', error: 'Could not import bad.json: Row 1, loginUrl: login URL must be a full URL. Nothing was imported.', busy: false })
    expect(names()).toEqual(before)
  })
})
