import { describe, expect, it } from 'vitest'
import type { InventoryEntry } from '@shared/contract/handover'
import {
  addAdmins,
  blankFields,
  errorsFromIssues,
  fieldsOf,
  groupBySystem,
  importNote,
  inventoryCounts,
  inventoryPhase,
  prefillNote,
  rowRotation,
  rowTitle,
  upsertRow,
} from '../../../../renderer/src/store/inventoryRows'
import { initialInventory, inventoryOpened, listLoaded, rowRemoved, rowSaved, sheetFailed } from '../../../../renderer/src/store/inventory'

const row = (id: string, over: Partial<InventoryEntry> = {}): InventoryEntry => ({
  ...blankFields('custom'),
  id,
  engagementId: 'e1',
  source: 'manual',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
})

describe('inventory rows', () => {
  it('keeps systems in the PDF order when rows are added or moved, and rows of one system in place', () => {
    let items = upsertRow(null, row('pay', { system: 'payments', name: 'Stripe' }))
    items = upsertRow(items, row('reg', { system: 'registrar', name: 'Gandi' }))
    items = upsertRow(items, row('pay2', { system: 'payments', name: 'Paddle' }))
    items = upsertRow(items, row('x', { system: 'custom', name: 'Linear' }))
    expect(items.map((e) => e.id)).toEqual(['reg', 'pay', 'pay2', 'x'])
    // an edit that changes the system moves the row into its group
    items = upsertRow(items, row('x', { system: 'dns', name: 'Linear DNS' }))
    expect(items.map((e) => e.id)).toEqual(['reg', 'x', 'pay', 'pay2'])
    expect(groupBySystem(items).map((g) => [g.title, g.rows.length])).toEqual([
      ['Domain registrar', 1],
      ['DNS hosting', 1],
      ['Payments', 2],
    ])
  })

  it('names rows the way buttons and dialogs say them', () => {
    expect(rowTitle({ system: 'registrar', name: 'Gandi' })).toBe('Domain registrar \u2014 Gandi')
    expect(rowTitle({ system: 'cdn', name: '' })).toBe('CDN / edge')
  })

  it('edits only the fields of a stored row, with its own admins list', () => {
    const e = row('a', { system: 'cdn', name: 'Cloudflare', admins: ['ada@acme.example'] })
    const f = fieldsOf(e)
    expect(f).not.toHaveProperty('id')
    expect(f).not.toHaveProperty('source')
    expect(f).toMatchObject({ system: 'cdn', name: 'Cloudflare', admins: ['ada@acme.example'] })
    f.admins.push('zoe@acme.example')
    expect(e.admins).toEqual(['ada@acme.example'])
  })

  it('adds typed admins once each, comma separated', () => {
    expect(addAdmins(['ada@acme.example'], ' zoe@acme.example, ADA@acme.example ,,bob ')).toEqual(['ada@acme.example', 'zoe@acme.example', 'bob'])
  })

  it('puts contract issues next to their fields, and anything else on the form', () => {
    expect(
      errorsFromIssues({
        code: 'invalid_input',
        message: 'loginUrl: login URL must be a full URL',
        issues: [
          { path: 'loginUrl', message: 'login URL must be a full URL' },
          { path: 'admins.2', message: 'Too big' },
          { path: 'engagementId', message: 'Required' },
        ],
      }),
    ).toEqual({ loginUrl: 'login URL must be a full URL', admins: 'Too big', form: 'Required' })
    expect(errorsFromIssues({ code: 'not_found', message: 'no inventory entry "x"' })).toEqual({ form: 'no inventory entry "x"' })
  })

  it('tells an untouched inventory of standard rows from one somebody started', () => {
    const standard = [row('a', { system: 'registrar', source: 'default', purpose: 'Owns the domain name itself.' }), row('b', { system: 'dns', source: 'default' })]
    expect(inventoryPhase([])).toBe('empty')
    expect(inventoryPhase(standard)).toBe('untouched')
    expect(inventoryPhase([...standard.slice(1), { ...standard[0]!, twoFactor: 'on' }])).toBe('started')
    expect(inventoryPhase([row('c', { source: 'manual' })])).toBe('started')
  })

  it('marks rotations overdue or due within two weeks, and counts what needs attention', () => {
    const now = Date.parse('2026-03-01T12:00:00Z')
    const items = [
      row('a', { nextRotation: '2026-02-20', name: 'A' }),
      row('b', { nextRotation: '2026-03-10', twoFactor: 'off' }),
      row('c', { nextRotation: '2026-06-01' }),
      row('d', { source: 'default' }),
    ]
    expect(items.map((e) => rowRotation(e, now))).toEqual(['overdue', 'soon', null, null])
    expect(inventoryCounts(items, now)).toEqual({ rows: 4, recorded: 3, twoFactorOff: 1, overdue: 1, soon: 1 })
  })

  it('says what a prefill filled, or that it found nothing new', () => {
    const before = [row('a', { system: 'cdn', source: 'default' }), row('b', { system: 'hosting', source: 'default', recovery: 'support ticket' })]
    const after = [
      { ...before[0]!, name: 'Cloudflare', ownerAccount: 'ada@acme.example', admins: ['ada@acme.example'], source: 'evidence' as const },
      { ...before[1]!, name: 'Vercel', recovery: 'support ticket', source: 'evidence' as const },
    ]
    expect(prefillNote(before, after)).toMatch(/^Filled 4 empty fields in 2 rows from the latest check results/)
    expect(prefillNote(after, after)).toMatch(/^Nothing new to prefill/)
  })

  it('says what an import did: replaced, or merged with counts', () => {
    const before = [row('a'), row('b')]
    expect(importNote(before, [row('x')], 'inv.json', 1, true)).toBe('Replaced the inventory with the 1 row of inv.json.')
    expect(importNote(before, [row('a'), row('b'), row('c')], 'inv.json', 2, false)).toBe('Merged 2 rows from inv.json: 1 added, 1 updated. The inventory now has 3 rows.')
  })
})

describe('inventory state transitions', () => {
  it('keeps rows while the same engagement reloads, drops another engagement’s, and ignores late answers', () => {
    const loaded = listLoaded(inventoryOpened(initialInventory, 'e1'), 'e1', [row('a')])
    expect(inventoryOpened({ ...loaded, note: 'Filled 2 fields' }, 'e1')).toMatchObject({ items: [{ id: 'a' }], note: 'Filled 2 fields' })
    const other = inventoryOpened(loaded, 'e2')
    expect(other).toMatchObject({ engagementId: 'e2', items: null, note: null })
    expect(listLoaded(other, 'e1', [row('a')])).toBe(other)
  })

  it('closes the sheet on a save and keeps it open with the errors on a refusal', () => {
    const open = { ...listLoaded(inventoryOpened(initialInventory, 'e1'), 'e1', [row('a')]), sheet: { mode: 'add' as const, errors: {}, busy: true } }
    const failed = sheetFailed(open, { loginUrl: 'login URL must be a full URL' })
    expect(failed.sheet).toEqual({ mode: 'add', errors: { loginUrl: 'login URL must be a full URL' }, busy: false })
    const saved = rowSaved(failed, row('b', { system: 'registrar' }))
    expect(saved.sheet).toBeNull()
    expect(saved.items!.map((e) => e.id)).toEqual(['b', 'a'])
    // a save answered after another engagement opened writes nothing
    expect(rowSaved(inventoryOpened(saved, 'e2'), row('c')).items).toBeNull()
  })

  it('removes a row and closes the confirmation', () => {
    const s = { ...listLoaded(inventoryOpened(initialInventory, 'e1'), 'e1', [row('a'), row('b')]), dialog: { kind: 'remove' as const, id: 'a', title: 'Other', busy: true } }
    const next = rowRemoved(s, 'a')
    expect(next.items!.map((e) => e.id)).toEqual(['b'])
    expect(next.dialog).toBeNull()
  })
})
