import { Suspense, useEffect, useLayoutEffect, useMemo, useState } from 'react'
import { useActions, useApp, useStoreApi } from '../hooks/useStore'
import { useShortcuts, type Shortcuts } from '../hooks/useShortcuts'
import { CommandPalette } from './CommandPalette'
import { ShortcutSheet } from './ShortcutSheet'
import { ConfirmDialog } from './ConfirmDialog'
import { useHashRoute } from '../hooks/useHashRoute'
import { useHistoryKeys } from '../hooks/useHistoryKeys'
import { useWindowTitle } from '../hooks/useWindowTitle'
import { useStoredTheme } from '../screens/settings/theme'
import { EngagementForm, EngagementPage, EvidenceScreen, GuidedRunbook, HandoverScreen, InventoryScreen, PicturesScreen, ResultDetail, RunbooksScreen, SettingsScreen, SprintBoard, VaultScreen, preloadScreens } from './screens'
import { EngagementsView } from './EngagementsView'
import { Header } from './Header'
import { MissingEngagement } from './MissingEngagement'
import { Sidebar } from './Sidebar'
import { Toasts } from './Toasts'
import { ErrorBanner } from './ErrorBanner'
import { ScreenBoundary } from './ScreenBoundary'

/** The app shell: sidebar, header, the current screen, and the overlays above them. */
export function App() {
  const ready = useApp((s) => s.ready)
  const fatal = useApp((s) => s.fatal)
  const route = useApp((s) => s.ui.route)
  // a screen of an engagement that is gone (a stale link or a Back into a removed one)
  const missing = useApp((s) => 'id' in s.ui.route && s.engagements.status === 'loaded' && !s.engagements.items.some((x) => x.id === (s.ui.route as { id: string }).id))
  // the board's sheet and waive dialog count only on the board (a result opened from a sheet leaves it set, for Back)
  const overlay = useApp(
    (s) => !!(s.ui.form || s.ui.confirm || s.ui.paletteOpen || s.ui.shortcutsOpen || (s.ui.route.name === 'sprint' && (s.sprint.openItem || s.sprint.waiveItem)) || (s.ui.route.name === 'result' && s.sprint.waiveItem) || (s.ui.route.name === 'inventory' && (s.inventory.sheet || s.inventory.dialog))),
  )
  const formOpen = useApp((s) => !!s.ui.form)
  const a = useActions()
  const store = useStoreApi()

  const shortcuts = useMemo<Shortcuts>(
    () => ({
      // the form counts from the moment it opens, while its code may still be on its way
      blocked: () => document.querySelector('[aria-modal="true"]') !== null || store.getState().ui.form !== null,
      keys: {
        palette: () => a.setPalette(true),
        help: () => a.setShortcutSheet(true),
        newEngagement: a.openCreate,
        filter: () => {
          a.navigate({ name: 'engagements' })
          setTimeout(() => document.getElementById('filter')?.focus(), 0)
        },
        edit: () => {
          const r = store.getState().ui.route
          if (r.name === 'engagement') a.openEdit(r.id)
        },
        home: () => a.navigate({ name: 'engagements' }),
      },
    }),
    [a, store],
  )
  useShortcuts(shortcuts)
  useHashRoute()
  useHistoryKeys()
  useWindowTitle()
  useStoredTheme()

  useEffect(() => {
    document.getElementById('content')?.focus({ preventScroll: true })
  }, [route])

  // The app-ready marker e2e tests wait on: set after the first load has rendered.
  useEffect(() => {
    if (!ready) return
    document.body.dataset.ready = 'true'
    // the other screens' code, fetched while the person reads the first one
    const t = setTimeout(preloadScreens, 500)
    return () => clearTimeout(t)
  }, [ready])

  return (
    <>
      <div className="shell" inert={overlay}>
        {/* focuses the content without a '#content' history entry that Back would step onto */}
        <a
          href="#content"
          className="skip-link"
          onClick={(e) => {
            e.preventDefault()
            document.getElementById('content')?.focus()
          }}
        >
          Skip to content
        </a>
        <Sidebar />
        <div className="main">
          <Header />
          <main id="content" tabIndex={-1} aria-labelledby="page-title">
            <ScreenBoundary resetKey={JSON.stringify(route)}>
              {/* a screen's code arrives on its first visit (components/screens.tsx) */}
              <Suspense
                fallback={
                  <p className="muted loading" role="status">
                    Opening…
                  </p>
                }
              >
                {fatal ? (
                  <ErrorBanner>
                    <strong>The console cannot reach its engine.</strong> {fatal.message}
                  </ErrorBanner>
                ) : !ready ? (
                  <p className="muted loading" role="status">
                    Loading the workspace…
                  </p>
                ) : missing && 'id' in route ? (
                  <MissingEngagement id={route.id} />
                ) : route.name === 'engagement' ? (
                  <EngagementPage id={route.id} />
                ) : route.name === 'sprint' ? (
                  <SprintBoard id={route.id} />
                ) : route.name === 'evidence' ? (
                  <EvidenceScreen engagementId={route.id} />
                ) : route.name === 'result' ? (
                  <ResultDetail engagementId={route.id} resultId={route.resultId} />
                ) : route.name === 'pictures' ? (
                  <PicturesScreen engagementId={route.id} />
                ) : route.name === 'runbooks' ? (
                  <RunbooksScreen engagementId={route.id} />
                ) : route.name === 'runbook' ? (
                  <GuidedRunbook engagementId={route.id} runId={route.runId} />
                ) : route.name === 'vault' ? (
                  <VaultScreen engagementId={route.id} />
                ) : route.name === 'inventory' ? (
                  <InventoryScreen engagementId={route.id} />
                ) : route.name === 'handover' ? (
                  <HandoverScreen engagementId={route.id} />
                ) : route.name === 'settings' ? (
                  <SettingsScreen />
                ) : (
                  <EngagementsView />
                )}
              </Suspense>
            </ScreenBoundary>
          </main>
        </div>
      </div>
      {formOpen && <FormSlot />}
      <ConfirmDialog />
      <CommandPalette />
      <ShortcutSheet />
      <Toasts />
    </>
  )
}

/**
 * The create/edit sheet, its code fetched on first open unless preloadScreens already has it.
 * Opened before then, the shell goes inert (and the browser drops focus from the opener) before
 * the sheet mounts, so the opener is remembered here and gets focus back on close.
 */
function FormSlot() {
  const [opener] = useState(() => document.activeElement as HTMLElement | null)
  const { closeForm } = useActions()
  // Escape while the sheet's code is still on its way: the opening is called off (once the sheet
  // is here, it handles Escape itself, and asks before discarding typed input)
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('[aria-modal="true"]')) closeForm()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [closeForm])
  useEffect(
    () => () =>
      queueMicrotask(() => {
        if (document.activeElement === document.body && opener?.isConnected && opener !== document.body && !opener.closest('[inert]')) opener.focus()
      }),
    [opener],
  )
  return (
    <ScreenBoundary resetKey="form">
      <Suspense fallback={null}>
        <EngagementForm />
      </Suspense>
    </ScreenBoundary>
  )
}
