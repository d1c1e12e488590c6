'use strict'
// The Node the project runs on. `npm install` brings Node 24 LTS as the npm package
// node-<platform>-<arch> (an optional dependency; its `node` bin is what npm scripts and npx
// find first on PATH). A script or the CLI started directly on an older Node re-runs itself on
// that runtime, or says in one line what it needs. Plain CommonJS on purpose: this file must
// load, and speak, on whatever Node a person happens to have.
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const MINIMUM = [22, 12]
const MINIMUM_TEXT = MINIMUM.join('.')

/** True when `version` ("v24.1.0" or "24.1.0") is at least the project's minimum. */
function isSupported(version) {
  const [major, minor] = String(version).replace(/^v/, '').split('.').map(Number)
  return major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1])
}

/** The runtime package's folder for this platform (it also holds Node's headers). */
function runtimePackageDir(root) {
  return join(root, 'node_modules', `node-${process.platform}-${process.arch}`)
}

/** The project's Node binary, when `npm install` brought one for this platform. */
function projectNode(root) {
  const bin = join(runtimePackageDir(root), 'bin', process.platform === 'win32' ? 'node.exe' : 'node')
  return existsSync(bin) ? bin : undefined
}

/**
 * Returns when this process runs on a supported Node. Otherwise re-runs the same script with the
 * same arguments and Node flags on the project's runtime and exits with its status, or, when there is none,
 * prints one line (which version is needed, how to get it) and exits 1. Never a stack trace.
 */
function ensureSupportedNode(root, name) {
  if (isSupported(process.versions.node)) return
  const node = projectNode(root)
  if (node && node !== process.execPath) {
    // Node's own flags too (the bin's first line sets V8's young generation size).
    // required here, not at the top: every `handover` command loads this file (child_process is ~6 ms)
    const r = require('node:child_process').spawnSync(node, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' })
    process.exit(r.status === null ? 1 : r.status)
  }
  process.stderr.write(
    `${name}: needs Node.js ${MINIMUM_TEXT} or later (Node 24 LTS recommended); this is Node ${process.versions.node}. ` +
      'Run `npm install` in the project folder (it brings Node 24 on Linux), or install Node 24 LTS and try again.\n',
  )
  process.exit(1)
}

module.exports = { MINIMUM_TEXT, isSupported, projectNode, runtimePackageDir, ensureSupportedNode }
