import { dispatch } from '../core/dispatch'
import { CliExit, EXIT, type CliContext } from './context'

/**
 * Call core through the same validated entry point as the UI. Bad input, unknown ids and
 * conflicts exit 2; anything else (keychain, provider, internal trouble) exits 1.
 */
export async function call<T>(ctx: CliContext, method: string, input: unknown): Promise<T> {
  const r = await dispatch(ctx.core(), method, input)
  if (!r.ok) throw new CliExit(['invalid_input', 'not_found', 'conflict'].includes(r.error.code) ? EXIT.badInput : EXIT.failed, r.error.message)
  return r.value as T
}
