import type { MouseEvent } from 'react'
import { useActions, useApp } from '../hooks/useStore'
import { label } from '../store/engagements'
import type { Route } from '../store/ui'
import { MOD_KEY } from '../hooks/platform'
import { shortcutLabel } from '../lib/shortcuts'

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
import { hashOfRoute } from '../store/routes'
import { Icon, type IconName } from './Icon'

const RECENT = 6

/** An engagement's screens, in the order the sprint goes. */
const SCREENS: [name: 'sprint' | 'evidence' | 'pictures' | 'runbooks' | 'vault' | 'inventory' | 'handover', icon: IconName, label: string][] = [
  ['sprint', 'board', 'Sprint board'],
  ['evidence', 'folder', 'Evidence'],
  ['pictures', 'image', 'Pictures'],
  ['runbooks', 'book', 'Runbooks'],
  ['vault', 'lock', 'Vault'],
  ['inventory', 'key', 'Access inventory'],
  ['handover', 'package', 'Handover'],
]

/**
 * One entry of the navigation. Below 1200 px wide the sidebar is a rail of icons: the label
 * stays for assistive technology and the title shows it on hover.
 */
function NavLink({ to, current, icon, label, count }: { to: Route; current: boolean; icon: IconName; label: string; count?: number }) {
  const { navigate } = useActions()
  return (
    <li>
      <a
        href={hashOfRoute(to)}
        className="nav-item"
        title={label}
        aria-current={current ? 'page' : undefined}
        onClick={(e) => {
          e.preventDefault()
          navigate(to)
        }}
      >
        <Icon name={icon} />
        <span className="nav-label">{label}</span>
        {count !== undefined && <span className="nav-count">{count}</span>}
      </a>
    </li>
  )
}

/** The left navigation. Only screens that work today are listed; more arrive with their features. */
export function Sidebar() {
  const route = useApp((s) => s.ui.route)
  const items = useApp((s) => s.engagements.items)
  const version = useApp((s) => s.info?.version)
  const { navigate } = useActions()
  const go = (r: Route) => (e: MouseEvent) => {
    e.preventDefault()
    navigate(r)
  }
  const openId = route.name === 'engagement' || route.name === 'sprint' ? route.id : null
  // the engagement whose sub-screens (sprint, evidence, a result) are showing
  const inEngagement = 'id' in route ? route.id : null
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">H</span>
        <span className="brand-name nav-label">Handover Console</span>
      </div>
      <nav aria-label="Main">
        <ul className="nav">
          <NavLink to={{ name: 'engagements' }} current={route.name === 'engagements'} icon="briefcase" label="Engagements" count={items.length} />
          {inEngagement &&
            SCREENS.map(([name, icon, text]) => (
              <NavLink key={name} to={{ name, id: inEngagement }} current={route.name === name || (name === 'runbooks' && route.name === 'runbook')} icon={icon} label={text} />
            ))}
          <NavLink to={{ name: 'settings' }} current={route.name === 'settings'} icon="settings" label="Settings" />
        </ul>
        {items.length > 0 && (
          <>
            <h2 className="nav-heading" id="nav-recent">Recent</h2>
            <ul className="nav nav-sub" aria-labelledby="nav-recent">
              {items.slice(0, RECENT).map((e) => (
                <li key={e.id}>
                  <a href={`#/engagements/${e.id}`} className="nav-item" aria-current={openId === e.id ? 'page' : undefined} onClick={go({ name: 'engagement', id: e.id })}>
                    <span className="nav-dot" aria-hidden="true" />
                    <span className="truncate" title={label(e)}>
                      {label(e)}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </nav>
      <div className="sidebar-foot">
        <dl className="shortcuts small">
          <dt>Commands</dt>
          <dd><kbd>{shortcutLabel('palette', MOD_KEY, MAC)}</kbd></dd>
          <dt>New engagement</dt>
          <dd><kbd>{shortcutLabel('newEngagement', MOD_KEY, MAC)}</kbd></dd>
          <dt>All shortcuts</dt>
          <dd><kbd>{shortcutLabel('help', MOD_KEY, MAC)}</kbd></dd>
        </dl>
        {version && <p className="small muted">Version {version}</p>}
      </div>
    </aside>
  )
}
