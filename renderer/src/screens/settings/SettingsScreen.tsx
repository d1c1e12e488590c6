import { useState } from 'react'
import { useApp } from '../../hooks/useStore'
import { applyTheme, readTheme, type ThemeChoice } from './theme'
import { NetworkSettings } from './NetworkSettings'
import { IdentitySettings } from './IdentitySettings'
import { WorkspaceActions } from './WorkspaceActions'

const CHOICES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

/**
 * Settings: where the workspace lives, who signs the bundles (your identity and key), the network
 * checks run on (saved in the workspace), and the theme (stored locally, per browser profile).
 */
export function SettingsScreen() {
  const info = useApp((s) => s.info)
  const [theme, setTheme] = useState<ThemeChoice>(readTheme)
  const pick = (t: ThemeChoice) => {
    setTheme(t)
    applyTheme(t)
  }
  return (
    <>
      <div className="page-head">
        <div>
          <h1 id="page-title">Settings</h1>
        </div>
      </div>
      <div className="detail-grid">
        <section className="card span-2" aria-labelledby="h-workspace">
          <h2 id="h-workspace" className="card-title">Workspace</h2>
          <dl className="facts">
            <dt>Location</dt>
            <dd className="mono" data-testid="workspace-path">
              {info?.workspace ?? '—'}
            </dd>
            <dt>Mode</dt>
            <dd>{info?.mode === 'browser' ? 'Browser (handover serve)' : 'Desktop app'}</dd>
            <dt>Version</dt>
            <dd>{info?.version ?? '—'}</dd>
          </dl>
          {info?.mode === 'electron' ? <WorkspaceActions /> : (
            <p className="small muted">
              To use another workspace, start the console with <code>--workspace DIR</code> (or set <code>HANDOVER_WORKSPACE</code>).
            </p>
          )}
        </section>
        <IdentitySettings />
        <NetworkSettings />
        <section className="card span-2" aria-labelledby="h-theme">
          <h2 id="h-theme" className="card-title">Appearance</h2>
          <fieldset className="settings-theme">
            <legend className="sr-only">Theme</legend>
            {CHOICES.map((c) => (
              <label key={c.value} className="settings-choice">
                <input type="radio" name="theme" value={c.value} checked={theme === c.value} onChange={() => pick(c.value)} /> {c.label}
              </label>
            ))}
          </fieldset>
        </section>
      </div>
    </>
  )
}
