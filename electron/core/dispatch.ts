import type { MethodName } from '@shared/contract'
import { isAppError, type Result } from '@shared/errors'
import type { ApiImpl } from './api/types'
import { BUSY_MESSAGE, isBusyError } from './workspace/busy'
import { AREA_OF, inputSchema } from './contract-schemas'

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(AREA_OF, name)
}

/**
 * The one entry point both transports use: validate the raw input against the contract's
 * schema, call core, and turn every failure into a Result a person can read. Only the
 * method's contract area has its schemas built (./contract-schemas.ts).
 */
export async function dispatch(core: { api: ApiImpl }, method: string, raw: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) return { ok: false, error: { code: 'invalid_input', message: `unknown method "${method}"` } }
  const parsed = (await inputSchema(method)).safeParse(raw ?? undefined)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
    return { ok: false, error: { code: 'invalid_input', message, issues } }
  }
  try {
    const fn = core.api[method] as (i: unknown) => unknown
    return { ok: true, value: await fn(parsed.data) }
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: e.toInfo() }
    if (isBusyError(e)) return { ok: false, error: { code: 'unavailable', message: BUSY_MESSAGE } }
    return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } }
  }
}
