#!/usr/bin/env node
// `npm start`: the Electron app when its runtime is present (or can be fetched now);
// otherwise one line saying why, then browser mode on 127.0.0.1. `--dev` uses electron-vite dev.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import runtime from './runtime.cjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
runtime.ensureSupportedNode(root, 'npm start')
const dev = process.argv.includes('--dev')
const passThrough = process.argv.slice(2).filter((a) => a !== '--dev')

function electronBinary() {
  const dir = join(root, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(dir)) return { ok: false, why: 'the electron package is not installed' }
  const present = () => existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8')))
  if (!present()) {
    // Electron 45+ fetches its binary on first run; try once, bounded, quietly.
    const r = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'pipe', timeout: 120_000, encoding: 'utf8' })
    if (!present()) {
      const lines = `${r.stderr ?? ''}${r.stdout ?? ''}`.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at '))
      const detail = lines.find((l) => /error|failed/i.test(l)) ?? r.error?.message ?? 'download failed'
      return { ok: false, why: `the Electron runtime is missing and could not be downloaded (${detail.slice(0, 160)})` }
    }
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { ok: false, why: 'no display is available for a desktop window (no DISPLAY or WAYLAND_DISPLAY)' }
  }
  return { ok: true, path: join(dir, 'dist', readFileSync(pathFile, 'utf8')) }
}

function run(cmd, args) {
  const child = spawn(cmd, args, { stdio: 'inherit', cwd: root })
  const forward = (sig) => () => child.kill(sig)
  process.on('SIGINT', forward('SIGINT'))
  process.on('SIGTERM', forward('SIGTERM'))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
}

if (!existsSync(join(root, 'out', 'main', 'cli.js')) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  const b = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { stdio: 'inherit', cwd: root })
  if (b.status !== 0) process.exit(b.status ?? 1)
}

const electron = electronBinary()
if (electron.ok) {
  if (dev) run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'dev', ...passThrough])
  else run(electron.path, [root, ...passThrough])
} else {
  console.log(`Starting browser mode: ${electron.why}.`)
  run(process.execPath, [join(root, 'bin', 'handover.js'), ...passThrough, 'serve'])
}
