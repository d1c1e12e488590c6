import { describe, expect, it } from 'vitest'
import { SHORTCUTS, matchShortcut, shortcutLabel, type ShortcutId } from '../../../../renderer/src/lib/shortcuts'
import { historyKey } from '../../../../renderer/src/hooks/useHistoryKeys'

const key = (k: string, o: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...o })
const all = Object.keys(SHORTCUTS) as ShortcutId[]

describe('the shortcut registry', () => {
  it('maps key presses to shortcuts: plain keys without modifiers, the palette with Ctrl or ⌘', () => {
    expect(matchShortcut(key('?', { shiftKey: true }), all)).toBe('help')
    expect(matchShortcut(key('k', { ctrlKey: true }), all)).toBe('palette')
    expect(matchShortcut(key('K', { metaKey: true }), all)).toBe('palette')
    expect(matchShortcut(key('k'), ['previous'])).toBe('previous')
    expect(matchShortcut(key('n', { ctrlKey: true }), all)).toBeNull()
    expect(matchShortcut(key('r', { altKey: true }), all)).toBeNull()
    // a screen binds only its own: j means nothing off the board
    expect(matchShortcut(key('j'), ['help', 'newEngagement'])).toBeNull()
  })

  it('no two shortcuts of the same place share a key', () => {
    for (const scope of new Set(all.map((id) => SHORTCUTS[id].scope))) {
      const inScope = all.filter((id) => SHORTCUTS[id].scope === scope || SHORTCUTS[id].scope === 'Everywhere')
      const keys = inScope.flatMap((id) => SHORTCUTS[id].keys.map((k) => `${'mod' in SHORTCUTS[id] ? 'mod+' : ''}${k}`))
      expect(new Set(keys).size, scope).toBe(keys.length)
    }
  })

  it('lists Back and Forward with the keys useHistoryKeys actually handles', () => {
    expect(historyKey(key(SHORTCUTS.back.keys[0], { altKey: true }), false)).toBe(-1)
    expect(historyKey(key(SHORTCUTS.forward.keys[0], { altKey: true }), false)).toBe(1)
    expect(historyKey(key(SHORTCUTS.back.keys[0], { metaKey: true }), true)).toBe(-1)
    expect(shortcutLabel('back', 'Ctrl', false)).toBe('Alt ←')
    expect(shortcutLabel('palette', '⌘', true)).toBe('⌘ K')
    expect(shortcutLabel('help', 'Ctrl', false)).toBe('?')
  })
})
