import { useState } from 'react'
import { useActions } from '../../hooks/useStore'

/** Desktop app: show the workspace folder, or move to another one (the app restarts there, after a confirmation). */
export function WorkspaceActions() {
  const { showWorkspaceFolder, changeWorkspace } = useActions()
  const [asking, setAsking] = useState(false)
  return (
    <>
      <div className="page-actions settings-actions">
        <button type="button" className="btn" onClick={() => void showWorkspaceFolder()}>
          Show in folder
        </button>
        {!asking && (
          <button type="button" className="btn btn-ghost" onClick={() => setAsking(true)}>
            Use another folder…
          </button>
        )}
      </div>
      {asking && (
        <div className="banner banner-warn settings-confirm" role="alertdialog" aria-labelledby="ws-q">
          <span id="ws-q">
            The console restarts with the workspace in the folder you choose (a new one if it is empty). This workspace stays where it is; come back to it
            the same way.
          </span>
          <button
            type="button"
            className="btn btn-xs btn-primary"
            autoFocus
            onClick={() => {
              setAsking(false)
              void changeWorkspace()
            }}
          >
            Choose a folder…
          </button>
          <button type="button" className="btn btn-ghost btn-xs" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      )}
    </>
  )
}
