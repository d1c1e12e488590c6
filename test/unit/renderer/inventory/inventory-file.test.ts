import { describe, expect, it } from 'vitest'
import type { InventoryEntry } from '@shared/contract/handover'
import { exportDocument, exportFileName, INVENTORY_FORMAT } from '../../../../renderer/src/store/inventoryFile'
import { parseImportFile } from '../../../../renderer/src/store/inventoryImport'
import { blankFields } from '../../../../renderer/src/store/inventoryRows'

const entry: InventoryEntry = {
  ...blankFields('registrar'),
  name: 'Gandi',
  loginUrl: 'https://admin.gandi.example/',
  admins: ['ada@acme.example'],
  twoFactor: 'on',
  id: 'r1',
  engagementId: 'e1',
  source: 'manual',
  updatedAt: '2026-01-01T00:00:00.000Z',
}

describe('inventory files', () => {
  it('exports the bundle’s inventory.json document, which reads back as the same rows', () => {
    const text = exportDocument({ clientName: 'Acme', domain: 'acme.example' }, [entry])
    const doc = JSON.parse(text) as { format: string; engagement: unknown; entries: unknown[] }
    expect(doc.format).toBe(INVENTORY_FORMAT)
    expect(doc.engagement).toEqual({ client: 'Acme', domain: 'acme.example' })
    const parsed = parseImportFile(text)
    expect(parsed).toEqual({ ok: true, entries: [{ ...blankFields('registrar'), name: 'Gandi', loginUrl: 'https://admin.gandi.example/', admins: ['ada@acme.example'], twoFactor: 'on' }] })
    expect(exportFileName('bücher café.example')).toBe('inventory-b_cher_caf_.example.json')
  })

  it('reads a plain list of rows as the CLI does, filling defaults', () => {
    expect(parseImportFile('[{"system":"payments","name":"Stripe"}]')).toEqual({ ok: true, entries: [{ ...blankFields('payments'), name: 'Stripe' }] })
  })

  it('refuses a bad file whole, naming the row and field', () => {
    const bad = (text: string) => {
      const r = parseImportFile(text)
      return r.ok ? null : r.message
    }
    expect(bad('not json')).toMatch(/not JSON/)
    expect(bad('{"rows":[]}')).toMatch(/No rows found/)
    expect(bad('[]')).toMatch(/no rows/)
    expect(bad('[{"system":"dns"},{"system":"dns","loginUrl":"dash.example"}]')).toBe('Row 2, loginUrl: login URL must be a full URL. Nothing was imported.')
    expect(bad('[{"system":"mainframe"}]')).toMatch(/^Row 1, system: /)
    expect(bad(JSON.stringify(Array.from({ length: 501 }, () => ({ system: 'custom' }))))).toMatch(/at most 500/)
  })
})
