import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { parseDocument } from 'yaml'
import react from '@vitejs/plugin-react'

const alias = { '@shared': resolve(__dirname, 'shared') }

/**
 * Fills electron/core/sprint/precompiled.ts with the bundled templates parsed now, keyed by the
 * SHA-256 of their text, so a command that reads a template needs no YAML parse at run time.
 */
function precompiledTemplates(): Plugin {
  const target = resolve(__dirname, 'electron/core/sprint/precompiled.ts')
  const dir = resolve(__dirname, 'resources/templates')
  return {
    name: 'precompiled-templates',
    load(id) {
      if (id !== target) return null
      const entries: Record<string, unknown> = {}
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
        const text = readFileSync(resolve(dir, f), 'utf8')
        this.addWatchFile(resolve(dir, f))
        const doc = parseDocument(text, { prettyErrors: false })
        if (doc.errors.length) continue // the run-time parse reports it, with its line
        entries[createHash('sha256').update(text).digest('hex')] = doc.toJS({ maxAliasCount: 100 })
      }
      return `export const PRECOMPILED = ${JSON.stringify(entries)}\n`
    },
  }
}

/**
 * Three builds: the Electron main process (which also carries the CLI entry, so the
 * `handover` bin and the app share one engine build; the CLI entry loads each command's chunk
 * on demand, and `engine` exports the engine and the sandbox to scripts and benchmarks), the sandboxed preload (CommonJS,
 * as sandboxed preloads require), and the React renderer.
 */
export default defineConfig({
  main: {
    resolve: { alias },
    plugins: [precompiledTemplates()],
    build: {
      // Bundled rather than required from node_modules (docs/performance.md, cli.cold_start and
      // memory): zod (~80 files, ~90 ms of a CLI command's start), and the packages of many files
      // an audit loads: the Cloudflare SDK (~1,150 ES modules), undici, yaml and node-forge. As
      // one chunk each they cost less memory than as separate modules (the SDK +13 MB RSS instead
      // of +24, undici +9 instead of +29 when loaded alone).
      externalizeDeps: { exclude: ['zod', 'cloudflare', 'undici', 'yaml', 'node-forge'] },
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
          engine: resolve(__dirname, 'electron/cli/engine.ts'),
        },
        // JSDoc comments dropped from the bundle (licence and annotation comments kept): V8 keeps
        // every loaded module's source text in memory, and the bundled SDK's is mostly JSDoc.
        output: { comments: { legal: true, annotation: true, jsdoc: false } },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
      // electron-vite leaves the renderer unminified; the first chunk is what a person waits for
      minify: true,
      // one stylesheet up front: screens load their code on first visit, never unstyled
      cssCodeSplit: false,
    },
  },
})
