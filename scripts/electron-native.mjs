#!/usr/bin/env node
// Prepares an Electron-ABI build of better-sqlite3 at native/electron/better_sqlite3.node so that
// after one `npm install` both `npm test` (system Node, node_modules build) and the Electron app
// (this build, loaded through better-sqlite3's nativeBinding option) work without a rebuild.
// Needs Electron's headers; where they cannot be fetched it says what it skipped and succeeds.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const outDir = join(root, 'native', 'electron')
const marker = join(outDir, 'version.txt')

let work
function skip(why) {
  if (work) rmSync(work, { recursive: true, force: true })
  console.log(`electron-native: skipped the Electron build of better-sqlite3 (${why}). Tests and browser mode are unaffected; run \`node scripts/electron-native.mjs\` once Electron's headers can be downloaded.`)
  process.exit(0)
}

if (process.env.HANDOVER_SKIP_ELECTRON_NATIVE) skip('HANDOVER_SKIP_ELECTRON_NATIVE is set')
let electronVersion
try {
  electronVersion = require('electron/package.json').version
} catch {
  skip('electron is not installed')
}
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version
const want = `electron ${electronVersion} better-sqlite3 ${sqliteVersion}`
if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === want) {
  console.log(`electron-native: up to date (${want})`)
  process.exit(0)
}

const gyp = process.env.npm_config_node_gyp || (() => {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js')
  } catch {
    return join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  }
})()
if (!existsSync(gyp)) skip('node-gyp was not found')

work = mkdtempSync(join(tmpdir(), 'handover-electron-native-'))
try {
  cpSync(sqliteDir, work, { recursive: true, filter: (p) => !p.includes(`${join(sqliteDir, 'build')}`) })
  const env = { ...process.env }
  for (const k of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(k)) delete env[k]
  const r = spawnSync(
    process.execPath,
    [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', `--dist-url=${process.env.ELECTRON_HEADERS_URL || 'https://electronjs.org/headers'}`],
    { cwd: work, env, encoding: 'utf8', timeout: 600_000 },
  )
  const built = join(work, 'build', 'Release', 'better_sqlite3.node')
  if (r.status !== 0 || !existsSync(built)) {
    const log = `${r.stderr ?? ''}`
    const offline = /network connectivity|fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo/i.test(log)
    skip(offline ? `Electron ${electronVersion} headers could not be downloaded: no network` : `the node-gyp build for Electron ${electronVersion} failed`)
  }
  mkdirSync(outDir, { recursive: true })
  copyFileSync(built, join(outDir, 'better_sqlite3.node'))
  writeFileSync(marker, want + '\n')
  console.log(`electron-native: built better-sqlite3 for Electron ${electronVersion} at native/electron/`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
