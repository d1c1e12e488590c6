import { contract, type MethodName } from '@shared/contract'
import { isAppError, type Result } from '@shared/errors'
import { EventBus } from './events'
import { engagementApi } from './api/engagements'
import { sprintApi } from './api/sprint'
import { evidenceApi } from './api/evidence'
import { runbookApi } from './api/runbooks'
import { credentialApi } from './api/credentials'
import { checkApi } from './api/checks'
import { handoverApi } from './api/handover'
import { identityApi } from './api/identity'
import { bundleFileApi } from './api/bundle-files'
import { settingsApi } from './api/settings'
import { summaryApi } from './api/summaries'
import { exposureApi } from './api/exposures'
import { registrarApi } from './api/registrar'
import { probesApi } from './api/probes'
import type { ApiImpl, CoreServices } from './api/types'
import type { Workspace } from './workspace'
import { BUSY_MESSAGE, isBusyError } from './workspace/db'

export interface Core extends CoreServices {
  api: ApiImpl
}

/**
 * Build the engine behind both transports for one workspace. Each area contributes an API
 * slice from ./api/<area>.ts; to add one, spread it in here.
 */
export function createCore(
  workspace: Workspace,
  mode: Core['mode'],
  events = new EventBus(),
  profile?: CoreServices['profile'],
  credentials?: CoreServices['credentials'],
  desktop?: CoreServices['desktop'],
): Core {
  const services: CoreServices = { workspace, events, mode, profile, credentials, desktop }
  const api: ApiImpl = {
    ...engagementApi(services),
    ...sprintApi(services),
    ...evidenceApi(services),
    ...runbookApi(services),
    ...credentialApi(services),
    ...checkApi(services),
    ...handoverApi(services),
    ...identityApi(services),
    ...bundleFileApi(services),
    ...settingsApi(services),
    ...summaryApi(services),
    ...exposureApi(services),
    ...registrarApi(services),
    ...probesApi(services),
  }
  return { ...services, api }
}

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

/**
 * The one entry point both transports use: validate the raw input against the contract's
 * schema, call core, and turn every failure into a Result a person can read.
 */
export async function dispatch(core: Core, method: string, raw: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) return { ok: false, error: { code: 'invalid_input', message: `unknown method "${method}"` } }
  const parsed = contract[method].input.safeParse(raw ?? undefined)
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
