import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './components/App'
import { StoreContext } from './hooks/useStore'
import { startEventBridge } from './bridge/events'
import { createAppStore } from './store'
import { NoSessionError, pickTransport } from './transport'
import { followRoutes } from './lib/trail'
import './styles/index.css'

const root = createRoot(document.getElementById('root')!)

pickTransport().then(
  (transport) => {
    const store = createAppStore(transport)
    startEventBridge(store, transport)
    followRoutes(store)
    void store.getState().init()
    root.render(
      <StrictMode>
        <StoreContext.Provider value={store}>
          <App />
        </StoreContext.Provider>
      </StrictMode>,
    )
  },
  (e: unknown) => {
    // No transport (browser mode opened without a session): explain instead of a blank page.
    root.render(
      <main className="no-session">
        <h1>This page needs a session</h1>
        {e instanceof NoSessionError ? (
          <p>
            Open the launch address that <code>npm start</code> or <code>handover serve</code> printed (<code>http://127.0.0.1:…/launch/…</code>). Each
            address works once, in one browser: if it was already used, go back to that browser window, or start <code>handover serve</code> again for a new one.
          </p>
        ) : (
          <p>{e instanceof Error ? e.message : String(e)}</p>
        )}
      </main>,
    )
    document.body.dataset.ready = 'true'
  },
)
