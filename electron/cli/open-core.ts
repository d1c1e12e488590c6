import type { Core } from '../core/api'
import { createLazyCore } from '../core/api/lazy'
import { openWorkspace } from '../core/workspace'

/**
 * The engine for a workspace folder, as every command uses it: its API slices load on first
 * call, so a command loads only the parts of the engine it uses.
 */
export function openCore(dir: string | undefined): Core {
  return createLazyCore(openWorkspace(dir), 'browser')
}
