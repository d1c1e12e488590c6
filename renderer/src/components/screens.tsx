import { createElement, lazy, useState, type ComponentType } from 'react'

type Loader<P> = () => Promise<ComponentType<P>>

/** Every screen's loader, for fetching them all once the app has rendered (preloadScreens). */
const loaders: Loader<never>[] = []

/**
 * A screen whose code is its own chunk, fetched on first visit, or earlier by preloadScreens.
 * Once fetched it renders directly, without suspending: React holds a resolved Suspense
 * boundary's content back for a moment (about 300 ms) before revealing it, which a screen
 * already here should not pay.
 */
function screen<P extends object>(load: Loader<P>): ComponentType<P> {
  let ready: ComponentType<P> | null = null
  let pending: Promise<ComponentType<P>> | null = null
  const fetch = () =>
    (pending ??= load().then(
      (c) => (ready = c),
      (e: unknown) => {
        pending = null // a failed fetch (offline dev server, a new build) is tried again next time
        throw e
      },
    ))
  const Lazy = lazy(() => fetch().then((c) => ({ default: c })))
  loaders.push(fetch as Loader<never>)
  // decided once per mount, so a screen never switches component type (and state) under itself
  return function Screen(props: P) {
    const [Now] = useState(() => ready)
    return Now ? createElement(Now, props) : createElement(Lazy, props)
  }
}

/** Fetch every screen's chunk in the background (after the first render), so moving around never waits. */
export function preloadScreens(): void {
  for (const load of loaders) void load().catch(() => {})
}

/**
 * The screens of one engagement and Settings, each loaded on first visit (its own chunk), so the
 * first render pays only for the shell and the engagements list. Heavy dependencies stay in the
 * chunk of the screen that uses them (pdf.js is loaded later still, by the handover screen).
 */
export const EngagementPage = screen(() => import('../screens/dashboard/EngagementPage').then((m) => m.EngagementPage))
export const SprintBoard = screen(() => import('../screens/sprint/SprintBoard').then((m) => m.SprintBoard))
export const EvidenceScreen = screen(() => import('../screens/evidence/EvidenceScreen').then((m) => m.EvidenceScreen))
export const ResultDetail = screen(() => import('../screens/results/ResultDetail').then((m) => m.ResultDetail))
export const PicturesScreen = screen(() => import('../screens/results/PicturesScreen').then((m) => m.PicturesScreen))
export const RunbooksScreen = screen(() => import('../screens/runbooks/RunbooksScreen').then((m) => m.RunbooksScreen))
export const GuidedRunbook = screen(() => import('../screens/runbooks/GuidedRunbook').then((m) => m.GuidedRunbook))
export const VaultScreen = screen(() => import('../screens/vault/VaultScreen').then((m) => m.VaultScreen))
export const InventoryScreen = screen(() => import('../screens/inventory/InventoryScreen').then((m) => m.InventoryScreen))
export const HandoverScreen = screen(() => import('../screens/handover/HandoverScreen').then((m) => m.HandoverScreen))
export const SettingsScreen = screen(() => import('../screens/settings/SettingsScreen').then((m) => m.SettingsScreen))
/** The create/edit sheet: its checks carry the Public Suffix List (tldts) and zod, which the first render does without. */
export const EngagementForm = screen(() => import('./EngagementForm').then((m) => m.EngagementForm))
