#!/usr/bin/env node
// Part of `npm install` (prepare): makes sure better-sqlite3 loads on the project's runtime.
// better-sqlite3 13 is a Node-API addon and its npm package carries prebuilt binaries for
// Linux, macOS and Windows (x64, arm64), so usually there is nothing to do, and the same binary
// serves Node 24 and Electron. Its implicit `node-gyp rebuild` is denied in package.json
// (allowScripts): run by npm it would compile against whatever headers npm is configured with.
// Where no prebuilt binary loads (another platform, an old libc), this builds it from source
// against the runtime's own headers: those shipped in the node-<platform>-<arch> package.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import runtime from './runtime.cjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
runtime.ensureSupportedNode(root, 'native')
const require = createRequire(import.meta.url)
const node = runtime.projectNode(root) ?? process.execPath
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
const { version } = require('better-sqlite3/package.json')

/** Opens an in-memory database with better-sqlite3 on `node`; the first error line otherwise. */
function loads() {
  const probe = "const D = require('better-sqlite3'); new D(':memory:').prepare('select 1').get()"
  const r = spawnSync(node, ['-e', probe], { cwd: root, encoding: 'utf8', timeout: 60_000 })
  return r.status === 0 ? true : (`${r.stderr}`.split('\n').find((l) => /Error|error:/.test(l)) ?? `exit ${r.status}`).trim()
}

/** npm's own node-gyp: npm passes its path to lifecycle scripts; otherwise it sits beside npm. */
function nodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(dirname(process.env.npm_execpath ?? ''), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  ]
  return candidates.find((p) => p && existsSync(p))
}

const first = loads()
if (first === true) {
  console.log(`native: better-sqlite3 ${version} loads on Node ${runtimeVersion()} (Node-API, prebuilt)`)
  process.exit(0)
}
console.log(`native: better-sqlite3 ${version} does not load on Node ${runtimeVersion()} (${first}); building it from source`)
const gyp = nodeGyp()
if (!gyp) fail('node-gyp was not found (it comes with npm)')
const headers = join(runtime.runtimePackageDir(root), 'include', 'node')
const args = [gyp, 'rebuild', '--release', '--force_build=1']
if (existsSync(headers)) args.push(`--nodedir=${runtime.runtimePackageDir(root)}`)
// npm hands its own settings down as npm_config_*; the runtime's headers must win over them.
const env = { ...process.env }
for (const k of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(k)) delete env[k]
const r = spawnSync(node, args, { cwd: sqliteDir, env, stdio: 'inherit', timeout: 900_000 })
if (r.status !== 0) fail(`node-gyp exited with ${r.status ?? r.signal}`)
const after = loads()
if (after !== true) fail(after)
console.log(`native: built better-sqlite3 ${version} for Node ${runtimeVersion()}`)

function runtimeVersion() {
  return spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim()
}

function fail(why) {
  console.error(`native: better-sqlite3 could not be made to load on ${node}: ${why}. Needs python3, make and a C++20 compiler.`)
  process.exit(1)
}
