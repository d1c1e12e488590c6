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

export { dispatch, isMethodName } from './dispatch'
