import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import type { AppActions, AppState, AppStore } from '../store'

export const StoreContext = createContext<AppStore | null>(null)

/** Select from the app store (selectors must return stable values: primitives or store objects). */
export function useApp<T>(selector: (s: AppState & AppActions) => T): T {
  const store = useContext(StoreContext)
  if (!store) throw new Error('StoreContext is missing')
  return useStore(store, selector)
}

/** The store's actions: created once with the store, so these references never change. */
export function useActions(): AppActions {
  const store = useContext(StoreContext)
  if (!store) throw new Error('StoreContext is missing')
  return store.getState()
}

/** The store itself, for reading current state inside event handlers. */
export function useStoreApi(): AppStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('StoreContext is missing')
  return store
}
