import { copyFile } from 'node:fs/promises'
import { extname, join, resolve } from 'node:path'
import type { OpenDialogOptions, SaveDialogOptions } from 'electron'
import { AppError } from '@shared/errors'
import type { DesktopShell } from '../core/api/types'

/** The slice of Electron's `shell` we use, so the desktop actions are unit-tested with a fake. */
export interface ShellLike {
  /** Resolves with '' on success, else an error message (Electron's contract). */
  openPath(path: string): Promise<string>
}

/** The save dialog, already bound to the app window by the caller. */
export type SaveDialog = (options: SaveDialogOptions) => Promise<{ canceled: boolean; filePath?: string }>

/** The open dialog, already bound to the app window by the caller. */
export type OpenDialog = (options: OpenDialogOptions) => Promise<{ canceled: boolean; filePaths: string[] }>

export interface DesktopDeps {
  shell: ShellLike
  showSaveDialog: SaveDialog
  showOpenDialog?: OpenDialog
  /** Persist the workspace choice and restart (core/workspace/choice.ts and app.relaunch). */
  switchWorkspace?: (dir: string) => Promise<void>
  /** Where the save dialog starts (the user's Downloads folder). */
  defaultDir: string
  copy?: (from: string, to: string) => Promise<void>
}

/**
 * The native half of the handover screen's folder and save buttons. Core decides which path
 * (confined to the bundle) and calls these; nothing here takes a path from the renderer.
 */
export function createDesktop({ shell, showSaveDialog, showOpenDialog, switchWorkspace, defaultDir, copy = copyFile }: DesktopDeps): DesktopShell {
  return {
    async openPath(path) {
      const problem = await shell.openPath(path)
      if (problem) throw new AppError('unavailable', `the OS could not open ${path}: ${problem}`)
    },
    async saveFileAs(source, suggestedName) {
      const ext = extname(suggestedName).slice(1)
      const r = await showSaveDialog({
        title: 'Save a copy of the bundle',
        defaultPath: join(defaultDir, suggestedName),
        filters: ext ? [{ name: `${ext.toUpperCase()} archive`, extensions: [ext] }] : [],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      })
      if (r.canceled || !r.filePath) return null
      // Saving onto the original would truncate it mid-copy: it is already there.
      if (resolve(r.filePath) !== resolve(source)) await copy(source, r.filePath)
      return r.filePath
    },
    async chooseFolder(title, defaultPath) {
      if (!showOpenDialog) throw new AppError('unavailable', 'no folder dialog here')
      const r = await showOpenDialog({ title, defaultPath, properties: ['openDirectory', 'createDirectory', 'promptToCreate'] })
      return r.canceled || !r.filePaths[0] ? null : r.filePaths[0]
    },
    async useWorkspace(dir) {
      if (!switchWorkspace) throw new AppError('unavailable', 'the workspace cannot be switched here')
      await switchWorkspace(dir)
    },
  }
}
