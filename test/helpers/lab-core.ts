import { afterAll, beforeAll } from 'vitest'
import { createCore, type Core } from '../../electron/core/api'
import { openWorkspace } from '../../electron/core/workspace'
import { startLab, type Lab } from '../../electron/lab'
import { tempDir } from './tmp'

/**
 * A suite's sandbox and engine: a lab of `scenario` and a browser-mode core on a fresh workspace
 * that uses it, started before the suite's tests and closed after them. Read `lab` and `core`
 * inside tests (they are set once beforeAll has run).
 */
export function labCoreForSuite(scenario: string, prefix: string): { readonly lab: Lab; readonly core: Core } {
  const tmp = tempDir(prefix)
  let lab: Lab | undefined
  let core: Core | undefined
  beforeAll(async () => {
    lab = await startLab(scenario)
    core = createCore(openWorkspace(tmp.dir), 'browser', undefined, lab.profile)
  })
  afterAll(async () => {
    core?.workspace.close()
    await lab?.close()
    tmp.cleanup()
  })
  return {
    get lab() {
      return lab!
    },
    get core() {
      return core!
    },
  }
}
