import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { AppError } from '@shared/errors'
import { clearNetworkSettings, writeNetworkSettings } from '../settings/store'
import { networkProfile, settingsInfo } from '../settings/profile'
import { testNetwork } from '../settings/probe'
import type { ApiSlice, CoreServices } from './types'

/** Workspace settings: the network profile checks run with (saved over the system's or a sandbox's). */
export function settingsApi(s: CoreServices): ApiSlice<'getSettings' | 'saveNetworkSettings' | 'resetNetworkSettings' | 'testNetwork' | 'showWorkspaceFolder' | 'changeWorkspace'> {
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
    showWorkspaceFolder: async () => {
      if (!s.desktop) return { unsupported: true }
      await s.desktop.openPath(s.workspace.dir)
      return { opened: true }
    },
    changeWorkspace: async () => {
      if (!s.desktop) return { unsupported: true }
      const dir = await s.desktop.chooseFolder('Choose the workspace folder', s.workspace.dir)
      if (!dir || resolve(dir) === resolve(s.workspace.dir)) return { cancelled: true }
      assertWritableFolder(dir)
      await s.desktop.useWorkspace(dir)
      return { dir, relaunching: true }
    },
  }
}

/** Before restarting into a folder, prove the workspace file can be written there. */
function assertWritableFolder(dir: string): void {
  const probe = join(dir, `.handover-write-test-${process.pid}`)
  try {
    mkdirSync(dir, { recursive: true })
    writeFileSync(probe, '')
    rmSync(probe)
  } catch (e) {
    throw new AppError('invalid_input', `${dir} cannot hold a workspace: ${e instanceof Error ? e.message : String(e)}`)
  }
}
