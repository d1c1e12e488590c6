import type { z } from 'zod'
import { engagementMethods } from './contract/engagements'
import { sprintMethods } from './contract/sprint'
import { evidenceMethods } from './contract/evidence'
import { runbookMethods } from './contract/runbooks'
import { credentialMethods } from './contract/credentials'
import { checkMethods } from './contract/checks'
import { handoverMethods } from './contract/handover'
import { settingsMethods } from './contract/settings'
import { exposureMethods } from './contract/exposures'
import { identityMethods } from './contract/identity'
import { registrarMethods } from './contract/registrar'
import { probeMethods } from './contract/probes'

export type { AppInfo } from './contract/engagements'

/**
 * The contract: every method the UI can call, its input schema and its result type, one
 * file per area under ./contract/. Electron's preload exposes exactly these keys, main and
 * browser mode validate input with these schemas before calling core (electron/core/api.ts).
 * To add an area: declare its methods in ./contract/<area>.ts and spread them in here.
 */
export const contract = {
  ...engagementMethods,
  ...sprintMethods,
  ...evidenceMethods,
  ...runbookMethods,
  ...credentialMethods,
  ...checkMethods,
  ...handoverMethods,
  ...settingsMethods,
  ...exposureMethods,
  ...identityMethods,
  ...registrarMethods,
  ...probeMethods,
}

export type Contract = typeof contract
export type MethodName = keyof Contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type MethodParsed<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = Contract[M]['output']

/** The typed API every transport presents to the renderer: one async function per method. */
export type HandoverApi = { [M in MethodName]: (input?: MethodInput<M>) => Promise<MethodOutput<M>> }
