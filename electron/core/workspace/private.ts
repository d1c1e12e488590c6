import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DB_FILE } from './paths'

/** Owner-only modes for the workspace and what the app writes from it. */
export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

// Windows keeps files private through the ACLs of the user's profile folders; modes mean little there.
const POSIX = process.platform !== 'win32'

/** Set a mode exactly (a mode given at creation is narrowed by the umask, and only applies to a new file). */
function setMode(path: string, mode: number): void {
  if (POSIX) chmodSync(path, mode)
}

/** Create a folder (and its missing parents) usable by this user only, whatever the umask. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  setMode(dir, PRIVATE_DIR_MODE)
}

/** Write a file readable by this user only (0600), also when it existed with a wider mode. */
export function writePrivateFile(path: string, data: string | NodeJS.ArrayBufferView): void {
  writeFileSync(path, data, { mode: PRIVATE_FILE_MODE })
  setMode(path, PRIVATE_FILE_MODE)
}

/** Folders, then files, at most this many entries are tightened per open (a bound, not a limit seen in practice). */
const MAX_ENTRIES = 50_000

/** Tighten a folder tree: folders 0700, files 0600; symbolic links are left alone (never followed). */
function tightenTree(dir: string, budget: { left: number }): void {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    if (budget.left-- <= 0) return
    const p = join(dir, name)
    try {
      const st = lstatSync(p)
      if (st.isDirectory()) {
        if ((st.mode & 0o777) !== PRIVATE_DIR_MODE) setMode(p, PRIVATE_DIR_MODE)
        tightenTree(p, budget)
      } else if (st.isFile() && (st.mode & 0o777) !== PRIVATE_FILE_MODE) setMode(p, PRIVATE_FILE_MODE)
    } catch {
      // gone meanwhile, or not ours to change: leave it
    }
  }
}

/** What the app keeps in a workspace folder: the database and its journals, attachments, bundles, caches. */
function isWorkspaceEntry(name: string): boolean {
  return name === DB_FILE || name.startsWith(`${DB_FILE}-`) || name === 'attachments' || name === 'bundles' || /^rdap-bootstrap-[0-9a-f]+\.json$/.test(name)
}

/**
 * Make a workspace folder private before the database opens: the database created 0600 when
 * new (SQLite gives its -wal and -shm files the database's mode), and what the app keeps there
 * (database, WAL, attachments, bundles, caches) tightened to 0600 files in 0700 folders,
 * whatever the umask they were made with. The folder itself becomes 0700 when it is the app's
 * own (`ownFolder`: the app-data folder, which Electron shares) or holds nothing but workspace
 * entries; a workspace pointed at a folder with other things in it (a home or project folder)
 * keeps that folder's mode, and only the app's own entries are touched.
 */
export function preparePrivateWorkspace(dir: string, o: { ownFolder?: boolean } = {}): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  closeSync(openSync(join(dir, DB_FILE), 'a', PRIVATE_FILE_MODE))
  if (!POSIX) return
  const names = readdirSync(dir)
  if (o.ownFolder || names.every(isWorkspaceEntry)) setMode(dir, PRIVATE_DIR_MODE)
  const budget = { left: MAX_ENTRIES }
  for (const name of names.filter(isWorkspaceEntry)) {
    const p = join(dir, name)
    try {
      const st = lstatSync(p)
      if (st.isDirectory()) {
        setMode(p, PRIVATE_DIR_MODE)
        tightenTree(p, budget)
      } else if (st.isFile()) setMode(p, PRIVATE_FILE_MODE)
    } catch {
      // gone meanwhile, or not ours to change: leave it
    }
  }
}
