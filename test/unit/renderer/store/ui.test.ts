import { describe, expect, it } from 'vitest'
import { canOpenPalette, forgetEngagement, formFailed, initialUi, type UiState } from '../../../../renderer/src/store/ui'
import { dismissToast, MAX_TOASTS, pushToast } from '../../../../renderer/src/store/toasts'
import { filterCommands, moveSelection } from '../../../../renderer/src/store/commands'

describe('ui transitions', () => {
  it('leaves the page, form and confirmation of a removed engagement', () => {
    const s: UiState = {
      ...initialUi,
      route: { name: 'engagement', id: 'x' },
      form: { mode: 'edit', id: 'x', errors: {}, busy: false },
      confirm: { kind: 'removeEngagement', id: 'x', title: 'X', busy: true },
    }
    const next = forgetEngagement(s, 'x')
    expect(next.route).toEqual({ name: 'engagements' })
    expect(next.form).toBeNull()
    expect(next.confirm).toBeNull()
    expect(forgetEngagement(s, 'y')).toEqual(s)
  })

  it('keeps a failed form open with its errors, and no palette over a modal', () => {
    const open: UiState = { ...initialUi, form: { mode: 'create', errors: {}, busy: true } }
    expect(formFailed(open, { domain: 'bad' }).form).toEqual({ mode: 'create', errors: { domain: 'bad' }, busy: false })
    expect(formFailed(initialUi, { domain: 'bad' })).toBe(initialUi)
    expect(canOpenPalette(open)).toBe(false)
    expect(canOpenPalette(initialUi)).toBe(true)
  })
})

describe('toasts', () => {
  it('keeps the newest few and dismisses by id', () => {
    let list = pushToast([], { id: 1, kind: 'success', title: 'a' })
    for (let i = 2; i <= 6; i++) list = pushToast(list, { id: i, kind: 'info', title: String(i) })
    expect(list.map((t) => t.id)).toEqual([3, 4, 5, 6].slice(-MAX_TOASTS))
    expect(dismissToast(list, 4).map((t) => t.id)).toEqual([3, 5, 6])
  })
})

describe('command palette', () => {
  const cmds = [
    { id: 'new', title: 'New engagement', keywords: 'create add' },
    { id: 'filter', title: 'Filter engagements', keywords: 'search' },
    { id: 'open', title: 'Open Acme', hint: 'acme.example' },
  ]

  it('matches titles, keywords and hints; prefix matches first', () => {
    expect(filterCommands(cmds, '').map((c) => c.id)).toEqual(['new', 'filter', 'open'])
    expect(filterCommands(cmds, 'create').map((c) => c.id)).toEqual(['new'])
    expect(filterCommands(cmds, 'acme.ex').map((c) => c.id)).toEqual(['open'])
    expect(filterCommands(cmds, 'engagement').map((c) => c.id)).toEqual(['new', 'filter'])
    const ranked = [{ id: 'go', title: 'Go to engagements', keywords: 'list' }, { id: 'list', title: 'List engagements' }]
    expect(filterCommands(ranked, 'list').map((c) => c.id)).toEqual(['list', 'go'])
    expect(filterCommands(cmds, 'filter').map((c) => c.id)).toEqual(['filter'])
    expect(filterCommands(cmds, 'zzz')).toEqual([])
  })

  it('moves the selection with wrap-around', () => {
    expect(moveSelection(0, -1, 3)).toBe(2)
    expect(moveSelection(2, 1, 3)).toBe(0)
    expect(moveSelection(1, 1, 3)).toBe(2)
    expect(moveSelection(0, 1, 0)).toBe(-1)
  })
})
