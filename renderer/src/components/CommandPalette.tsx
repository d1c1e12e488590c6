import { useEffect, useMemo, useState } from 'react'
import { useActions, useApp } from '../hooks/useStore'
import { filterCommands, moveSelection, type Command } from '../store/commands'
import { paletteEntries, type PaletteData, type PaletteGroup } from '../store/paletteEntries'
import { Icon } from './Icon'
import { Modal } from './Modal'
import { sprintCommands } from '../screens/sprint/commands'
import { inventoryCommands } from '../screens/inventory/commands'
import { MOD_KEY } from '../hooks/platform'
import { shortcutLabel } from '../lib/shortcuts'

type Runnable = Command & { run(): void; group: PaletteGroup | 'Command' }

/** The most rows shown at once: the list stays quick to read and to render; typing narrows it. */
const SHOWN = 50
const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** Ctrl/Cmd+K: actions, screens, engagements, hosts, checks (by id or title) and results. */
export function CommandPalette() {
  const open = useApp((s) => s.ui.paletteOpen)
  if (!open) return null
  return <Palette />
}

function useCommands(data: Omit<PaletteData, 'engagements' | 'contextId'>, contextId: string | null): Runnable[] {
  const items = useApp((s) => s.engagements.items)
  const route = useApp((s) => s.ui.route)
  const a = useActions()
  return useMemo(() => {
    const key = (id: Parameters<typeof shortcutLabel>[0]) => shortcutLabel(id, MOD_KEY, MAC)
    const list: Runnable[] = [
      { id: 'new', group: 'Command', title: 'New engagement', shortcut: key('newEngagement'), keywords: 'create add', run: a.openCreate },
      {
        id: 'filter',
        group: 'Command',
        title: 'Filter engagements',
        shortcut: key('filter'),
        keywords: 'search find',
        run: () => {
          a.navigate({ name: 'engagements' })
          setTimeout(() => document.getElementById('filter')?.focus(), 0)
        },
      },
      { id: 'shortcuts', group: 'Command', title: 'Keyboard shortcuts', shortcut: key('help'), keywords: 'keys help', run: () => a.setShortcutSheet(true) },
      { id: 'reload', group: 'Command', title: 'Reload engagements', keywords: 'refresh', run: () => void a.refreshEngagements() },
    ]
    if (route.name === 'engagement') {
      list.push({ id: 'edit', group: 'Command', title: 'Edit this engagement', shortcut: key('edit'), run: () => a.openEdit(route.id) })
      list.push({ id: 'delete', group: 'Command', title: 'Delete this engagement…', keywords: 'remove', run: () => a.askRemove(route.id) })
    }
    if (route.name === 'sprint') list.push(...sprintCommands(a).map((c) => ({ ...c, group: 'Command' as const })))
    if (route.name === 'inventory') list.push(...inventoryCommands(a).map((c) => ({ ...c, group: 'Command' as const })))
    for (const e of paletteEntries({ engagements: items, contextId, ...data }))
      list.push({ ...e, run: () => (typeof e.to === 'string' ? window.location.assign(e.to) : a.navigate(e.to)) })
    return list
  }, [items, route, a, data, contextId])
}

function Palette() {
  const { setPalette, loadPaletteData } = useActions()
  const contextId = useApp((s) => ('id' in s.ui.route ? s.ui.route.id : (s.engagements.items[0]?.id ?? null)))
  const [data, setData] = useState<Omit<PaletteData, 'engagements' | 'contextId'>>({ checks: null, results: null })
  useEffect(() => {
    let live = true
    void loadPaletteData(contextId).then((d) => live && setData(d))
    return () => {
      live = false
    }
  }, [contextId, loadPaletteData])
  const commands = useCommands(data, contextId)
  const [q, setQ] = useState('')
  const [sel, setSel] = useState(0)
  const matches = filterCommands(commands, q)
  const shown = matches.slice(0, SHOWN)
  const active = shown[Math.min(sel, shown.length - 1)]
  const run = (c: Runnable | undefined) => {
    if (!c) return
    setPalette(false)
    c.run()
  }
  useEffect(() => {
    document.getElementById(`cmd-${active?.id}`)?.scrollIntoView({ block: 'nearest' })
  }, [active?.id])
  return (
    <Modal labelledBy="palette-title" onClose={() => setPalette(false)} variant="palette">
      <h2 id="palette-title" className="sr-only">
        Command palette
      </h2>
      <div className="palette-input">
        <Icon name="search" />
        <input
          data-autofocus
          className="input bare"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-autocomplete="list"
          aria-activedescendant={active ? `cmd-${active.id}` : undefined}
          aria-label="Search screens, checks, hosts, results and commands"
          placeholder="Screens, checks, hosts, results, commands…"
          value={q}
          onChange={(e) => (setQ(e.target.value), setSel(0))}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault()
              setSel((i) => moveSelection(Math.min(i, shown.length - 1), e.key === 'ArrowDown' ? 1 : -1, shown.length))
            } else if (e.key === 'Enter') {
              e.preventDefault()
              run(active)
            }
          }}
        />
      </div>
      <ul id="palette-list" role="listbox" aria-label="Results" className="palette-list">
        {shown.map((c) => (
          <li
            key={c.id}
            id={`cmd-${c.id}`}
            role="option"
            aria-selected={c === active}
            className={c === active ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run(c)}
          >
            <span className="palette-group small muted">{c.group}</span>
            <span className="palette-title truncate" title={c.title}>
              {c.title}
            </span>
            {c.hint && (
              <span className="mono small muted truncate palette-hint" title={c.hint}>
                {c.hint}
              </span>
            )}
            {c.shortcut && <kbd>{c.shortcut}</kbd>}
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="palette-empty muted">Nothing matches “{q}”.</p>}
      <p className="palette-foot small muted" aria-live="polite">
        {matches.length > SHOWN ? `${SHOWN} of ${matches.length}: type to narrow` : `${matches.length} ${matches.length === 1 ? 'match' : 'matches'}`} · ↑↓ to move · Enter to open · Esc to close
      </p>
    </Modal>
  )
}
