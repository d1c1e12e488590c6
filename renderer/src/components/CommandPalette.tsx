import { useMemo, useState } from 'react'
import { useActions, useApp } from '../hooks/useStore'
import { filterCommands, moveSelection, type Command } from '../store/commands'
import { label } from '../store/engagements'
import { Icon } from './Icon'
import { Modal } from './Modal'
import { sprintCommands } from '../screens/sprint/commands'
import { inventoryCommands } from '../screens/inventory/commands'

type Runnable = Command & { run(): void }

/** Ctrl/Cmd+K: every action by name, and every engagement by client or domain. */
export function CommandPalette() {
  const open = useApp((s) => s.ui.paletteOpen)
  if (!open) return null
  return <Palette />
}

function useCommands(): Runnable[] {
  const items = useApp((s) => s.engagements.items)
  const route = useApp((s) => s.ui.route)
  const a = useActions()
  return useMemo(() => {
    const list: Runnable[] = [
      { id: 'new', title: 'New engagement', shortcut: 'N', keywords: 'create add', run: a.openCreate },
      {
        id: 'filter',
        title: 'Filter engagements',
        shortcut: '/',
        keywords: 'search find',
        run: () => {
          a.navigate({ name: 'engagements' })
          setTimeout(() => document.getElementById('filter')?.focus(), 0)
        },
      },
      { id: 'list', title: 'Go to Engagements', keywords: 'list home', run: () => a.navigate({ name: 'engagements' }) },
      { id: 'reload', title: 'Reload engagements', keywords: 'refresh', run: () => void a.refreshEngagements() },
    ]
    if (route.name === 'engagement') {
      list.push({ id: 'edit', title: 'Edit this engagement', shortcut: 'E', run: () => a.openEdit(route.id) })
      list.push({ id: 'delete', title: 'Delete this engagement…', keywords: 'remove', run: () => a.askRemove(route.id) })
    }
    if (route.name === 'engagement') list.push({ id: 'board', title: 'Open the sprint board', keywords: 'plan items', run: () => a.navigate({ name: 'sprint', id: route.id }) })
    if (route.name === 'sprint') list.push(...sprintCommands(a))
    if ('id' in route && route.name !== 'inventory')
      list.push({ id: 'inventory', title: 'Open the access inventory', keywords: 'owners admins 2fa recovery credentials systems', run: () => a.navigate({ name: 'inventory', id: route.id }) })
    if (route.name === 'inventory') list.push(...inventoryCommands(a))
    for (const e of items) list.push({ id: `open:${e.id}`, title: `Open ${label(e)}`, hint: e.domain, keywords: `${e.domain} ${e.founderName}`, run: () => a.navigate({ name: 'engagement', id: e.id }) })
    return list
  }, [items, route, a])
}

function Palette() {
  const { setPalette } = useActions()
  const commands = useCommands()
  const [q, setQ] = useState('')
  const [sel, setSel] = useState(0)
  const shown = filterCommands(commands, q)
  const active = shown[Math.min(sel, shown.length - 1)]
  const run = (c: Runnable | undefined) => {
    if (!c) return
    setPalette(false)
    c.run()
  }
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
          aria-activedescendant={active ? `cmd-${active.id}` : undefined}
          aria-label="Type a command or an engagement"
          placeholder="Type a command or an engagement…"
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
      <ul id="palette-list" role="listbox" aria-label="Commands" className="palette-list">
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
            <span>{c.title}</span>
            {c.hint && <span className="mono small muted">{c.hint}</span>}
            {c.shortcut && <kbd>{c.shortcut}</kbd>}
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="palette-empty muted">Nothing matches “{q}”.</p>}
    </Modal>
  )
}
