import type { MouseEvent } from 'react'
import { useActions, useApp } from '../hooks/useStore'
import { label } from '../store/engagements'
import type { Route } from '../store/ui'
import { MOD_KEY } from '../hooks/platform'
import { Icon } from './Icon'

const RECENT = 6

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
  const openId = route.name === 'engagement' ? route.id : null
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">H</span>
        <span className="brand-name">Handover Console</span>
      </div>
      <nav aria-label="Main">
        <ul className="nav">
          <li>
            <a href="#engagements" className="nav-item" aria-current={route.name === 'engagements' ? 'page' : undefined} onClick={go({ name: 'engagements' })}>
              <Icon name="briefcase" />
              <span>Engagements</span>
              <span className="nav-count">{items.length}</span>
            </a>
          </li>
        </ul>
        {items.length > 0 && (
          <>
            <h2 className="nav-heading" id="nav-recent">Recent</h2>
            <ul className="nav nav-sub" aria-labelledby="nav-recent">
              {items.slice(0, RECENT).map((e) => (
                <li key={e.id}>
                  <a href={`#engagement/${e.id}`} className="nav-item" aria-current={openId === e.id ? 'page' : undefined} onClick={go({ name: 'engagement', id: e.id })}>
                    <span className="nav-dot" aria-hidden="true" />
                    <span className="truncate">{label(e)}</span>
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
          <dd><kbd>{MOD_KEY} K</kbd></dd>
          <dt>New engagement</dt>
          <dd><kbd>N</kbd></dd>
          <dt>Filter</dt>
          <dd><kbd>/</kbd></dd>
        </dl>
        {version && <p className="small muted">Version {version}</p>}
      </div>
    </aside>
  )
}
