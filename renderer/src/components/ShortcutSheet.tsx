import { useActions, useApp } from '../hooks/useStore'
import { MOD_KEY } from '../hooks/platform'
import { SHORTCUTS, SHORTCUT_SCOPES, shortcutLabel, type ShortcutId } from '../lib/shortcuts'
import { Modal } from './Modal'

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** `?`: every keyboard shortcut, listed from the same table the key handlers use. */
export function ShortcutSheet() {
  const open = useApp((s) => s.ui.shortcutsOpen)
  const { setShortcutSheet } = useActions()
  if (!open) return null
  const ids = Object.keys(SHORTCUTS) as ShortcutId[]
  return (
    <Modal labelledBy="shortcuts-title" onClose={() => setShortcutSheet(false)}>
      <div className="modal-head">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" className="btn btn-ghost btn-xs" onClick={() => setShortcutSheet(false)} data-autofocus>
          Close
        </button>
      </div>
      {/* focusable: on a short window the list scrolls, and the keyboard must be able to scroll it */}
      <div className="modal-body shortcut-sheet" tabIndex={0} role="region" aria-label="Shortcuts by screen">
        {SHORTCUT_SCOPES.map((scope) => {
          const mine = ids.filter((id) => SHORTCUTS[id].scope === scope)
          if (scope === 'App window' && !window.handover) return null
          return (
            <section key={scope} aria-labelledby={`sc-${scope.replace(/\s/g, '-')}`}>
              <h3 id={`sc-${scope.replace(/\s/g, '-')}`} className="shortcut-scope">
                {scope}
              </h3>
              <dl className="shortcut-list">
                {mine.map((id) => (
                  <div key={id} className="shortcut-row" data-testid="shortcut">
                    <dt>
                      <kbd>{shortcutLabel(id, MOD_KEY, MAC)}</kbd>
                    </dt>
                    <dd>{SHORTCUTS[id].label}</dd>
                  </div>
                ))}
              </dl>
            </section>
          )
        })}
        <p className="small muted">Single-key shortcuts are ignored while you type in a field.</p>
      </div>
    </Modal>
  )
}
