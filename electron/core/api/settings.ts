import { clearNetworkSettings, writeNetworkSettings } from '../settings/store'
import { networkProfile, settingsInfo } from '../settings/profile'
import { testNetwork } from '../settings/probe'
import type { ApiSlice, CoreServices } from './types'

/** Workspace settings: the network profile checks run with (saved over the system's or a sandbox's). */
export function settingsApi(s: CoreServices): ApiSlice<'getSettings' | 'saveNetworkSettings' | 'resetNetworkSettings' | 'testNetwork'> {
  return {
    getSettings: () => settingsInfo(s),
    saveNetworkSettings: (input) => {
      writeNetworkSettings(s.workspace.db, input)
      const info = settingsInfo(s)
      s.events.emit({ type: 'settings.changed' })
      return info
    },
    resetNetworkSettings: () => {
      clearNetworkSettings(s.workspace.db)
      s.events.emit({ type: 'settings.changed' })
      return settingsInfo(s)
    },
    testNetwork: ({ name, port }) => testNetwork(networkProfile(s), name, port),
  }
}
