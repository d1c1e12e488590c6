#!/usr/bin/env -S node --max-semi-space-size=8 --heap-growing-percent=50 --optimize-for-size
'use strict'
// Node's flags for the engine's memory (docs/performance.md, "memory"): --max-semi-space-size=8
// (MB) keeps V8's young generation from growing to 64 MB per semi-space during audits (and
// keeping those pages); --heap-growing-percent=50 lets the old generation grow by half before the
// next full collection instead of up to 4x while audits allocate fast; --optimize-for-size has V8
// favour a smaller heap and less compiled code over speed (about 17 MB less before an audit
// starts, for about 10% more CPU). 20 audits at once peaked at 413 MB with none, ~290 MB with the
// first two, ~230 MB with all three and the engine's cap on pairs running at once. Node reads
// them only at start, so they live here; `node bin/handover.js` without them still works.
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const root = join(__dirname, '..')
require(join(root, 'scripts', 'runtime.cjs')).ensureSupportedNode(root, 'handover')
enableCompileCache()
const cli = join(root, 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  process.stderr.write('handover: the app is not built yet; run `npm install` (or `npm run build`) in the project folder.\n')
  process.exit(1)
}
require(cli).main(process.argv)

/**
 * Keep V8's compiled code of the bundle between runs (node:module's compile cache): compiling
 * the bundle's JavaScript was ~170 ms of every command's start, ~25 ms with the cache. The cache
 * lives in this user's own cache folder (never a shared temp folder); NODE_COMPILE_CACHE chooses
 * another, NODE_DISABLE_COMPILE_CACHE=1 turns it off. Any failure just means no cache.
 */
function enableCompileCache() {
  const mod = require('node:module')
  if (typeof mod.enableCompileCache !== 'function') return
  try {
    if (process.env.NODE_COMPILE_CACHE) return mod.enableCompileCache()
    const os = require('node:os')
    const home = os.homedir()
    const base =
      process.platform === 'win32'
        ? process.env.LOCALAPPDATA || join(home, 'AppData', 'Local')
        : process.platform === 'darwin'
          ? join(home, 'Library', 'Caches')
          : process.env.XDG_CACHE_HOME || join(home, '.cache')
    mod.enableCompileCache(join(base, 'handover-console', 'compile-cache'))
  } catch {
    // no cache
  }
}
