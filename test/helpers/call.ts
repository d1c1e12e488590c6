import { dispatch, type Core } from '../../electron/core/api'

/** Call a contract method through core's dispatch (validation included) and return its value, or throw what failed. */
export async function callCore<T>(core: Core, method: string, input?: unknown): Promise<T> {
  const r = await dispatch(core, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`)
  return r.value as T
}
