import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = { '@shared': resolve(import.meta.dirname, 'shared') }

/** Test projects: `npm test` runs unit, integration and e2e; `npm run bench` runs bench. */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      // hang guards, not timings: a hook that builds a signed bundle (RSA keys, a PDF) takes 10+ s on a machine under load
      { resolve: { alias }, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      {
        resolve: { alias },
        // hang guards, not speed limits: a loaded 2-core CI machine runs the CLI-heavy tests slowly
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 120_000 },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // a screen's code is its own chunk, fetched on first visit: on a loaded 2-core machine that
          // and its first data take seconds, so every poll waits up to 15 s (a hang guard, not a speed limit)
          expect: { poll: { timeout: 15_000 } },
        },
      },
      {
        resolve: { alias },
        test: { name: 'bench', include: ['test/bench/**/*.bench.test.ts'], testTimeout: 600_000, fileParallelism: false },
      },
    ],
  },
})
