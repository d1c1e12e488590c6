import { lazy } from 'react'

/**
 * The screens of one engagement and Settings, each loaded on first visit (its own chunk), so the
 * first render pays only for the shell and the engagements list. Heavy dependencies stay in the
 * chunk of the screen that uses them (pdf.js is loaded later still, by the page preview).
 */
export const EngagementPage = lazy(() => import('../screens/dashboard/EngagementPage').then((m) => ({ default: m.EngagementPage })))
export const SprintBoard = lazy(() => import('../screens/sprint/SprintBoard').then((m) => ({ default: m.SprintBoard })))
export const EvidenceScreen = lazy(() => import('../screens/evidence/EvidenceScreen').then((m) => ({ default: m.EvidenceScreen })))
export const ResultDetail = lazy(() => import('../screens/results/ResultDetail').then((m) => ({ default: m.ResultDetail })))
export const PicturesScreen = lazy(() => import('../screens/results/PicturesScreen').then((m) => ({ default: m.PicturesScreen })))
export const RunbooksScreen = lazy(() => import('../screens/runbooks/RunbooksScreen').then((m) => ({ default: m.RunbooksScreen })))
export const GuidedRunbook = lazy(() => import('../screens/runbooks/GuidedRunbook').then((m) => ({ default: m.GuidedRunbook })))
export const VaultScreen = lazy(() => import('../screens/vault/VaultScreen').then((m) => ({ default: m.VaultScreen })))
export const InventoryScreen = lazy(() => import('../screens/inventory/InventoryScreen').then((m) => ({ default: m.InventoryScreen })))
export const HandoverScreen = lazy(() => import('../screens/handover/HandoverScreen').then((m) => ({ default: m.HandoverScreen })))
export const SettingsScreen = lazy(() => import('../screens/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })))
