import type { MethodName } from '@shared/contract'
import type { Core } from '../api'
import { EventBus } from '../events'
import type { Workspace } from '../workspace'
import type { ApiImpl, CoreServices } from './types'

type Impl = (input: unknown) => unknown
type Factory = (s: CoreServices) => Record<string, Impl>

interface Slice {
  methods: readonly MethodName[]
  load(): Promise<Factory>
}

/**
 * Each API slice of ../api.ts, with the methods it implements, loaded when one of them is first
 * called. test/unit/core/api-lazy.test.ts holds the lists to what the slices implement.
 */
export const SLICES: readonly Slice[] = [
  { methods: ['appInfo', 'listEngagements', 'getEngagement', 'createEngagement', 'updateEngagement', 'removeEngagement', 'exportEngagement', 'importEngagement', 'verifyEvidence', 'restoreEngagement'], load: async () => (await import('./engagements')).engagementApi as Factory },
  { methods: ['listTemplates', 'startSprint', 'sprintStatus', 'finishSprint', 'updateSprintItem', 'waiveItem', 'revokeWaiver', 'recordVerdict', 'runSprint', 'listAttachments', 'readAttachment'], load: async () => (await import('./sprint')).sprintApi as Factory },
  { methods: ['evidenceTimeline', 'getEvidence'], load: async () => (await import('./evidence')).evidenceApi as Factory },
  { methods: ['listRunbooks', 'getRunbook', 'startRunbook', 'openRunbookRuns', 'runbookView', 'runbookDone', 'runbookChoose', 'runbookVerify', 'runbookSkip', 'runbookBack', 'runbookAbandon'], load: async () => (await import('./runbooks')).runbookApi as Factory },
  { methods: ['listCredentials', 'addCredential', 'verifyCredential', 'rotateCredential', 'updateCredential', 'listCredentialRotations', 'removeCredential', 'keychainStatus'], load: async () => (await import('./credentials')).credentialApi as Factory },
  { methods: ['listChecks', 'runAudit', 'runAllAudits', 'cancelRun', 'listResults', 'getResult', 'listRuns', 'runChanges', 'listWaiting', 'resumeWaiting'], load: async () => (await import('./checks')).checkApi as Factory },
  { methods: ['listInventory', 'saveInventoryEntry', 'removeInventoryEntry', 'importInventory', 'prefillInventory', 'createBundle', 'listBundles', 'verifyBundle', 'countersignBundle', 'handoverReadiness'], load: async () => (await import('./handover')).handoverApi as Factory },
  { methods: ['signingIdentity', 'saveSigningIdentity', 'rekeySigningIdentity'], load: async () => (await import('./identity')).identityApi as Factory },
  { methods: ['readBundleFile', 'readBundleZip', 'bundlePlace', 'openBundleFolder', 'saveBundleCopy', 'addAcceptance'], load: async () => (await import('./bundle-files')).bundleFileApi as Factory },
  { methods: ['getSettings', 'saveNetworkSettings', 'resetNetworkSettings', 'testNetwork', 'showWorkspaceFolder', 'changeWorkspace'], load: async () => (await import('./settings')).settingsApi as Factory },
  { methods: ['engagementSummaries'], load: async () => (await import('./summaries')).summaryApi as Factory },
  { methods: ['listExposures', 'recordRotation'], load: async () => (await import('./exposures')).exposureApi as Factory },
  { methods: ['recordRegistrarVerdict', 'registrarVerdict'], load: async () => (await import('./registrar')).registrarApi as Factory },
  { methods: ['probeState', 'saveProbeSettings', 'recordProbeConsent', 'revokeProbeConsent'], load: async () => (await import('./probes')).probesApi as Factory },
]

/**
 * The engine as createCore builds it, except that each API slice (and the modules it needs:
 * the checks, the PDF, the network clients…) loads on its first call. For the CLI, where one
 * command calls a few methods: `handover engagement list` loads the engagement and summary
 * slices only. Every method is async here.
 */
export function createLazyCore(workspace: Workspace, mode: Core['mode'], events = new EventBus()): Core {
  const services: CoreServices = { workspace, events, mode }
  const built = new Map<Slice, Promise<Record<string, Impl>>>()
  const api: Record<string, Impl> = {}
  for (const slice of SLICES) {
    for (const method of slice.methods) {
      api[method] = async (input) => {
        let impl = built.get(slice)
        if (!impl) {
          impl = slice.load().then((factory) => factory(services))
          built.set(slice, impl)
        }
        return (await impl)[method](input)
      }
    }
  }
  return { ...services, api: api as unknown as ApiImpl }
}
