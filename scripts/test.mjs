#!/usr/bin/env node
// `npm test`: build, typecheck, lint, then the unit, integration and e2e suites, ending with one
// "N passed, N failed[, N skipped]" line; it starts with the Node version it runs on. On Linux
// without a session bus it re-runs itself inside dbus-run-session with an unlocked gnome-keyring,
// so keychain tests use a real Secret Service.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import runtime from './runtime.cjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
runtime.ensureSupportedNode(root, 'npm test')
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0

if (process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS && !process.env.HANDOVER_TEST_INNER && has('dbus-run-session') && has('gnome-keyring-daemon')) {
  // A private keyring in a temp folder: tests never touch the developer's own login keyring.
  const keyringHome = mkdtempSync(join(tmpdir(), 'handover-keyring-'))
  const inner = `printf handover | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec node "${join(root, 'scripts', 'test.mjs')}" ${process.argv.slice(2).map((a) => `'${a}'`).join(' ')}`
  const r = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner], { stdio: 'inherit', cwd: root, env: { ...process.env, HANDOVER_TEST_INNER: '1', XDG_DATA_HOME: keyringHome } })
  rmSync(keyringHome, { recursive: true, force: true })
  process.exit(r.status ?? 1)
}

console.log(`Node ${process.version} (${process.execPath})`)
const only = process.argv.slice(2)
const suites = only.length ? only : ['unit', 'integration', 'e2e']
const reports = join(root, 'test', 'artifacts', 'reports')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

function step(name, cmd, args) {
  console.log(`\n── ${name}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, CI: process.env.CI ?? '' } })
  return r.status === 0
}

const npx = (bin, args) => [process.execPath, [join(root, 'node_modules', ...bin), ...args]]
let ok = step('build', ...npx(['electron-vite', 'bin', 'electron-vite.js'], ['build']))
ok = ok && step('typecheck (node)', ...npx(['typescript', 'bin', 'tsc'], ['-p', 'tsconfig.node.json']))
ok = ok && step('typecheck (web)', ...npx(['typescript', 'bin', 'tsc'], ['-p', 'tsconfig.web.json']))
ok = ok && step('lint', ...npx(['eslint', 'bin', 'eslint.js'], ['.']))
let passed = 0
let failed = 0
let skipped = 0
for (const suite of ok ? suites : []) {
  const out = join(reports, `${suite}.json`)
  const good = step(`${suite} tests`, ...npx(['vitest', 'vitest.mjs'], ['run', '--project', suite, '--reporter=default', '--reporter=json', `--outputFile=${out}`]))
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'))
    passed += j.numPassedTests ?? 0
    skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0)
    failed += (j.numFailedTests ?? 0) + (j.numFailedTestSuites && !j.numFailedTests ? j.numFailedTestSuites : 0)
  } else if (!good) failed += 1
  ok = ok && good
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(ok ? 0 : 1)
