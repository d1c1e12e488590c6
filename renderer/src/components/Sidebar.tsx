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
  const openId = route.name === 'engagement' || route.name === 'sprint' ? route.id : null
  // the engagement whose sub-screens (sprint, evidence, a result) are showing
  const inEngagement = 'id' in route ? route.id : null
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">H</span>
        <span className="brand-name">Handover Console</span>
      </div>
      <nav aria-label="Main">
        <ul className="nav">
          <li>
            <a href="#/engagements" className="nav-item" aria-current={route.name === 'engagements' ? 'page' : undefined} onClick={go({ name: 'engagements' })}>
              <Icon name="briefcase" />
              <span>Engagements</span>
              <span className="nav-count">{items.length}</span>
            </a>
          </li>
          {inEngagement && (
            <li>
              <a href={`#/engagements/${inEngagement}/sprint`} className="nav-item" aria-current={route.name === 'sprint' ? 'page' : undefined} onClick={go({ name: 'sprint', id: inEngagement })}>
                <Icon name="check" />
                <span>Sprint board</span>
              </a>
            </li>
          )}
          {inEngagement && (
            <li>
              <a href={`#/engagements/${inEngagement}/evidence`} className="nav-item" aria-current={route.name === 'evidence' ? 'page' : undefined} onClick={go({ name: 'evidence', id: inEngagement })}>
                <Icon name="folder" />
                <span>Evidence</span>
              </a>
            </li>
          )}
          {inEngagement && (
            <li>
              <a href={`#/engagements/${inEngagement}/pictures`} className="nav-item" aria-current={route.name === 'pictures' ? 'page' : undefined} onClick={go({ name: 'pictures', id: inEngagement })}>
                <Icon name="globe" />
                <span>Pictures</span>
              </a>
            </li>
          )}
          {inEngagement && (
            <li>
              <a href={`#/engagements/${inEngagement}/runbooks`} className="nav-item" aria-current={route.name === 'runbooks' || route.name === 'runbook' ? 'page' : undefined} onClick={go({ name: 'runbooks', id: inEngagement })}>
                <Icon name="arrow" />
                <span>Runbooks</span>
              </a>
            </li>
          )}
          {inEngagement && (
            <li>
              <a href={`#/engagements/${inEngagement}/vault`} className="nav-item" aria-current={route.name === 'vault' ? 'page' : undefined} onClick={go({ name: 'vault', id: inEngagement })}>
                <Icon name="server" />
                <span>Vault</span>
              </a>
            </li>
          )}
          {inEngagement && (
            <li>
              <a href={`#/engagements/${inEngagement}/inventory`} className="nav-item" aria-current={route.name === 'inventory' ? 'page' : undefined} onClick={go({ name: 'inventory', id: inEngagement })}>
                <Icon name="key" />
                <span>Access inventory</span>
              </a>
            </li>
          )}
          {inEngagement && (
            <li>
              <a href={`#/engagements/${inEngagement}/handover`} className="nav-item" aria-current={route.name === 'handover' ? 'page' : undefined} onClick={go({ name: 'handover', id: inEngagement })}>
                <Icon name="check" />
                <span>Handover</span>
              </a>
            </li>
          )}
          <li>
            <a href="#/settings" className="nav-item" aria-current={route.name === 'settings' ? 'page' : undefined} onClick={go({ name: 'settings' })}>
              <Icon name="command" />
              <span>Settings</span>
            </a>
          </li>
        </ul>
        {items.length > 0 && (
          <>
            <h2 className="nav-heading" id="nav-recent">Recent</h2>
            <ul className="nav nav-sub" aria-labelledby="nav-recent">
              {items.slice(0, RECENT).map((e) => (
                <li key={e.id}>
                  <a href={`#/engagements/${e.id}`} className="nav-item" aria-current={openId === e.id ? 'page' : undefined} onClick={go({ name: 'engagement', id: e.id })}>
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
