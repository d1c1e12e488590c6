import { dispatch } from '../core/api'
import { CliExit, EXIT, type CliContext } from './context'

/** Call core through the same validated entry point as the UI; bad input, unknown ids and conflicts exit 2. */
export async function call<T>(ctx: CliContext, method: string, input: unknown): Promise<T> {
  const r = await dispatch(ctx.core(), method, input)
  if (!r.ok) throw new CliExit(r.error.code === 'internal' || r.error.code === 'unavailable' ? EXIT.failed : EXIT.badInput, r.error.message)
  return r.value as T
}
