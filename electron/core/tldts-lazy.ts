import { createRequire } from 'node:module'
import type * as Tldts from 'tldts'

let lib: typeof Tldts | undefined

/**
 * The tldts package (the Public Suffix List, ~200 kB of data: 15–25 ms to load) required on the
 * first call. The main build aliases `tldts` to this file (electron.vite.config.ts), so every
 * command that reads or lists engagements without checking a new domain name skips it; the
 * renderer and the tests use the package itself.
 */
function tldts(): typeof Tldts {
  return (lib ??= createRequire(__filename)('tldts') as typeof Tldts)
}

export const parse: typeof Tldts.parse = (url, options) => tldts().parse(url, options)
export const getDomain: typeof Tldts.getDomain = (url, options) => tldts().getDomain(url, options)
export const getPublicSuffix: typeof Tldts.getPublicSuffix = (url, options) => tldts().getPublicSuffix(url, options)
