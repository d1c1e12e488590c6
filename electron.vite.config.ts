import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { precompileTemplates } from './electron/core/sprint/precompile'

const alias = { '@shared': resolve(__dirname, 'shared') }
// The main build only: `tldts` (kept out of externalizeDeps below so the alias applies) is
// electron/core/tldts-lazy.ts, which requires the package on its first call.
const mainAlias = [
  { find: /^tldts$/, replacement: resolve(__dirname, 'electron/core/tldts-lazy.ts') },
  { find: '@shared', replacement: alias['@shared'] },
]

/**
 * Fills electron/core/sprint/precompiled.ts with the bundled templates parsed and validated now,
 * keyed by their text, so a command that reads a template needs neither a YAML
 * parse nor the schema's validation at run time.
 */
function precompiledTemplates(): Plugin {
  const target = resolve(__dirname, 'electron/core/sprint/precompiled.ts')
  const dir = resolve(__dirname, 'resources/templates')
  return {
    name: 'precompiled-templates',
    load(id) {
      if (id !== target) return null
      const entries = precompileTemplates(dir, (file) => this.addWatchFile(file))
      return `export const PRECOMPILED = new Map(${JSON.stringify([...entries])})\n`
    },
  }
}

/**
 * commander (bundled) imports node:child_process at its top for one purpose, running a command
 * as a separate executable, which `handover` never does: its import becomes an object that
 * requires child_process on first use, so no command pays ~6–15 ms to load it (and node:net).
 */
function commanderChildProcessOnUse(): Plugin {
  const line = "import childProcess from 'node:child_process';"
  return {
    name: 'commander-child-process-on-use',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return null
      if (!code.includes(line)) this.error('commander no longer imports child_process as this plugin expects')
      return code.replace(line, "const childProcess = { spawn: (...args) => process.getBuiltinModule('node:child_process').spawn(...args) };")
    },
  }
}

/**
 * renderer/src/boot.ts as its own small file, and the page's first script: module scripts run in
 * document order, and this one is not held back by the entry chunk's download and compile, so
 * the first screen's data is asked for at once (docs/performance.md, ui.first_render). Had
 * index.html named it beside main.tsx, Vite would have merged the two into one entry.
 * Production builds only: under the dev server the app asks when its code runs.
 */
function earlyBootScript(): Plugin {
  return {
    name: 'early-boot-script',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: resolve(__dirname, 'renderer/src/boot.ts'), name: 'boot' })
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        // hashed like every asset: the server lets browsers keep /assets/* for a year
        const boot = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'boot')
        const entry = html.indexOf('<script type="module"')
        if (!boot || entry < 0) throw new Error('early-boot-script: no boot chunk, or no module script in index.html to go before')
        return `${html.slice(0, entry)}<script type="module" crossorigin src="./${boot.fileName}"></script>\n    ${html.slice(entry)}`
      },
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
    resolve: { alias: mainAlias },
    plugins: [precompiledTemplates(), commanderChildProcessOnUse()],
    build: {
      // Bundled rather than required from node_modules (docs/performance.md, cli.cold_start and
      // memory): zod (~80 files, ~90 ms of a CLI command's start); commander (ES modules only:
      // requiring it from CommonJS started Node's ES module loader, ~20–30 ms of every command);
      // tldts (see mainAlias); and the packages of many files an audit loads: the Cloudflare SDK
      // (~1,150 ES modules), undici, yaml and node-forge. As one chunk each they cost less memory
      // than as separate modules (the SDK +13 MB RSS instead of +24, undici +9 instead of +29
      // when loaded alone). electron/core/yaml.ts still requires yaml on first use.
      externalizeDeps: { exclude: ['zod', 'commander', 'tldts', 'cloudflare', 'undici', 'yaml', 'node-forge'] },
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
    plugins: [react(), earlyBootScript()],
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
