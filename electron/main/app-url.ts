import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** Where the window's page comes from: the bundled index.html, or (unpackaged, `npm run dev`) the dev server. */
export interface AppLocation {
  /** The dev server's origin, only in an unpackaged run. */
  devOrigin?: string
  /** The bundled page, an absolute path. */
  indexFile: string
  /** What the window loads. */
  url: string
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The app's location. ELECTRON_RENDERER_URL (set by electron-vite in development) is honoured
 * only when the app is not packaged, and only as an http(s) origin on this machine: in a
 * packaged app an environment variable can never point the window (and its preload bridge)
 * at another page.
 */
export function appLocation(o: { isPackaged: boolean; env: NodeJS.ProcessEnv; rendererDir: string }): AppLocation {
  const indexFile = resolve(join(o.rendererDir, 'index.html'))
  const raw = o.isPackaged ? undefined : o.env.ELECTRON_RENDERER_URL
  if (raw) {
    try {
      const u = new URL(raw)
      if ((u.protocol === 'http:' || u.protocol === 'https:') && LOOPBACK.has(u.hostname)) return { devOrigin: u.origin, indexFile, url: `${u.origin}/` }
    } catch {
      // not a URL: the bundled page it is
    }
  }
  return { indexFile, url: pathToFileURL(indexFile).toString() }
}

/**
 * Whether a URL is the app itself: exactly the dev server's origin in development, else exactly
 * the bundled index.html (any query or fragment; the screens live in the fragment). A prefix is
 * not enough: `file:///…/out/renderer-x/index.html` or `http://localhost:51730` are not the app.
 */
export function isAppUrl(loc: AppLocation, url: string): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (loc.devOrigin) return u.origin === loc.devOrigin
  if (u.protocol !== 'file:' || (u.host !== '' && u.host !== 'localhost')) return false
  try {
    return resolve(fileURLToPath(u)) === loc.indexFile
  } catch {
    return false
  }
}
