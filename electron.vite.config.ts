import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const alias = { '@shared': resolve(__dirname, 'shared') }

/**
 * Three builds: the Electron main process (which also carries the CLI entry, so the
 * `handover` bin and the app share one engine build; the CLI entry loads each command's chunk
 * on demand, and `engine` exports the engine and the sandbox to scripts and benchmarks), the sandboxed preload (CommonJS,
 * as sandboxed preloads require), and the React renderer.
 */
export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      // zod is bundled (tree-shaken into the chunks that use it) rather than required from
      // node_modules: its package is ~80 files, ~90 ms of a CLI command's start.
      externalizeDeps: { exclude: ['zod'] },
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
          engine: resolve(__dirname, 'electron/cli/engine.ts'),
        },
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
    },
  },
})
