import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './components/App'
import { StoreContext } from './hooks/useStore'
import { startEventBridge } from './bridge/events'
import { createAppStore } from './store'
import { NoSessionError, pickTransport } from './transport'
import './styles/index.css'

const root = createRoot(document.getElementById('root')!)

try {
  const transport = pickTransport()
  const store = createAppStore(transport)
  startEventBridge(store, transport)
  void store.getState().init()
  root.render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </StrictMode>,
  )
} catch (e) {
  // No transport (browser mode opened without its token): explain instead of a blank page.
  root.render(
    <main className="no-session">
      <h1>This page needs its session token</h1>
      {e instanceof NoSessionError ? (
        <p>
          Open the full address that <code>npm start</code> or <code>handover serve</code> printed: it ends with <code>#token=…</code>. The token
          changes at every launch, so after a restart use the new address.
        </p>
      ) : (
        <p>{e instanceof Error ? e.message : String(e)}</p>
      )}
    </main>,
  )
  document.body.dataset.ready = 'true'
}
