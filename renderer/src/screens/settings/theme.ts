import { useEffect } from 'react'
import './theme.css'

export type ThemeChoice = 'system' | 'light' | 'dark'
const KEY = 'handover.theme'

/** The stored theme choice ('system' when unset or unreadable). */
export function readTheme(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY)
    return v === 'light' || v === 'dark' ? v : 'system'
  } catch {
    return 'system'
  }
}

/** Apply a theme choice to the page and remember it in this browser profile only. */
export function applyTheme(choice: ThemeChoice, persist = true): void {
  if (choice === 'system') delete document.documentElement.dataset.theme
  else document.documentElement.dataset.theme = choice
  if (!persist) return
  try {
    if (choice === 'system') localStorage.removeItem(KEY)
    else localStorage.setItem(KEY, choice)
  } catch {
    // storage may be unavailable (private mode); the choice still holds for this page
  }
}

/** Apply the stored theme once at start (App calls this). */
export function useStoredTheme(): void {
  useEffect(() => applyTheme(readTheme(), false), [])
}
