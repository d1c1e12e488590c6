import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, dispatch } from '../../../electron/core/api'
import type { DesktopShell } from '../../../electron/core/api/types'
import { openWorkspace } from '../../../electron/core/workspace'
import { createDesktop } from '../../../electron/main/desktop'
import { readWorkspaceChoice, resolveWorkspaceLocation, writeWorkspaceChoice } from '../../../electron/core/workspace/choice'
import { resolveWorkspaceDir } from '../../../electron/core/workspace/paths'
import { tempDir } from '../../helpers/tmp'

let tmp: { dir: string; cleanup(): void }
beforeEach(() => (tmp = tempDir('handover-ws-choice-')))
afterEach(() => tmp.cleanup())

describe('the workspace folder chosen in Settings', () => {
  it('is remembered in the app folder; the flag and the environment still win', () => {
    const app = tmp.dir
    expect(resolveWorkspaceLocation({ appDataDir: app })).toBe(app)
    writeWorkspaceChoice(app, '/srv/handover/acme')
    expect(readWorkspaceChoice(app)).toBe('/srv/handover/acme')
    expect(resolveWorkspaceLocation({ appDataDir: app })).toBe('/srv/handover/acme')
    expect(resolveWorkspaceLocation({ appDataDir: app, env: '/env/ws' })).toBe('/env/ws')
    expect(resolveWorkspaceLocation({ appDataDir: app, flag: '/flag/ws', env: '/env/ws' })).toBe('/flag/ws')
  })

  it('is where the CLI and browser mode go too, unless told otherwise', () => {
    const env = { XDG_CONFIG_HOME: tmp.dir }
    const appDir = join(tmp.dir, 'Handover Console')
    expect(resolveWorkspaceDir(undefined, env)).toBe(appDir)
    mkdirSync(appDir)
    writeWorkspaceChoice(appDir, '/srv/handover/acme')
    expect(resolveWorkspaceDir(undefined, env)).toBe('/srv/handover/acme')
    expect(resolveWorkspaceDir(undefined, { ...env, HANDOVER_WORKSPACE: '/env/ws' })).toBe('/env/ws')
  })

  it('ignores a damaged or relative choice instead of failing to start', () => {
    writeFileSync(join(tmp.dir, 'workspace-location.json'), '{ nope')
    expect(resolveWorkspaceLocation({ appDataDir: tmp.dir })).toBe(tmp.dir)
    writeFileSync(join(tmp.dir, 'workspace-location.json'), JSON.stringify({ dir: 'relative/ws' }))
    expect(readWorkspaceChoice(tmp.dir)).toBeNull()
  })

  it('asks for a folder with the native dialog and hands the choice to the restart', async () => {
    const switched: string[] = []
    const d = createDesktop({
      shell: { openPath: async () => '' },
      showSaveDialog: async () => ({ canceled: true }),
      showOpenDialog: async (o) => ({ canceled: false, filePaths: [`${o.defaultPath}-new`] }),
      switchWorkspace: async (dir) => void switched.push(dir),
      defaultDir: tmp.dir,
    })
    expect(await d.chooseFolder('Choose', '/w')).toBe('/w-new')
    await d.useWorkspace('/w-new')
    expect(switched).toEqual(['/w-new'])
    const bare = createDesktop({ shell: { openPath: async () => '' }, showSaveDialog: async () => ({ canceled: true }), defaultDir: tmp.dir })
    await expect(bare.chooseFolder('Choose', '/w')).rejects.toMatchObject({ code: 'unavailable' })
  })

  it('core changes it only to a folder that can hold a workspace, and never in browser mode', async () => {
    const ws = openWorkspace(join(tmp.dir, 'current'))
    let answer: string | null = null
    const used: string[] = []
    const desktop: DesktopShell = {
      openPath: async () => undefined,
      saveFileAs: async () => null,
      chooseFolder: async () => answer,
      useWorkspace: async (dir) => void used.push(dir),
    }
    try {
      const app = createCore(ws, 'electron', undefined, undefined, undefined, desktop)
      expect(await dispatch(app, 'changeWorkspace', {})).toEqual({ ok: true, value: { cancelled: true } })
      answer = ws.dir
      expect(await dispatch(app, 'changeWorkspace', {})).toEqual({ ok: true, value: { cancelled: true } })
      writeFileSync(join(tmp.dir, 'a-file'), '')
      answer = join(tmp.dir, 'a-file', 'ws')
      const bad = await dispatch(app, 'changeWorkspace', {})
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(used).toEqual([])
      answer = join(tmp.dir, 'next', 'ws')
      expect(await dispatch(app, 'changeWorkspace', {})).toEqual({ ok: true, value: { dir: answer, relaunching: true } })
      expect(used).toEqual([answer])
      const browser = createCore(ws, 'browser')
      expect(await dispatch(browser, 'changeWorkspace', {})).toEqual({ ok: true, value: { unsupported: true } })
      expect(await dispatch(browser, 'showWorkspaceFolder', {})).toEqual({ ok: true, value: { unsupported: true } })
    } finally {
      ws.close()
    }
  })
})
