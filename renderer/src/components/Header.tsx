import { useActions, useApp } from '../hooks/useStore'
import { MOD_KEY } from '../hooks/platform'
import { Icon } from './Icon'
import { RunIndicator } from './RunIndicator'

/** The top bar: where the data lives, which shell this is, and the command palette. */
export function Header() {
  const info = useApp((s) => s.info)
  const connection = useApp((s) => s.connection)
  const { setPalette } = useActions()
  return (
    <header className="topbar">
      <div className="workspace" title={info?.workspace}>
        <Icon name="folder" />
        <span className="sr-only">Workspace: </span>
        <span className="mono truncate">{info?.workspace ?? '…'}</span>
      </div>
      <div className="topbar-right">
        <RunIndicator />
        {connection === 'reconnecting' && (
          <span className="badge badge-warn" role="status">
            Reconnecting…
          </span>
        )}
        {info && (
          <span className="badge" title={info.mode === 'browser' ? 'Served on 127.0.0.1 to the browser session this address opened' : 'Desktop app'}>
            <Icon name={info.mode === 'browser' ? 'globe' : 'server'} size={14} />
            {info.mode === 'browser' ? 'Browser mode' : 'Desktop'}
          </span>
        )}
        <button type="button" className="btn btn-ghost palette-btn" onClick={() => setPalette(true)} aria-keyshortcuts="Control+K">
          <Icon name="search" />
          <span>Search and commands</span>
          <kbd>{MOD_KEY} K</kbd>
        </button>
      </div>
    </header>
  )
}
