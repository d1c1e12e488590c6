import type { Contract, MethodName } from '@shared/contract'

/** The contract's areas (shared/contract/<area>.ts), each loaded, and its zod schemas built, on first use. */
const AREAS = {
  engagements: async () => (await import('@shared/contract/engagements')).engagementMethods,
  sprint: async () => (await import('@shared/contract/sprint')).sprintMethods,
  evidence: async () => (await import('@shared/contract/evidence')).evidenceMethods,
  runbooks: async () => (await import('@shared/contract/runbooks')).runbookMethods,
  credentials: async () => (await import('@shared/contract/credentials')).credentialMethods,
  checks: async () => (await import('@shared/contract/checks')).checkMethods,
  handover: async () => (await import('@shared/contract/handover')).handoverMethods,
  settings: async () => (await import('@shared/contract/settings')).settingsMethods,
  exposures: async () => (await import('@shared/contract/exposures')).exposureMethods,
  identity: async () => (await import('@shared/contract/identity')).identityMethods,
  registrar: async () => (await import('@shared/contract/registrar')).registrarMethods,
  probes: async () => (await import('@shared/contract/probes')).probeMethods,
}

export type ContractArea = keyof typeof AREAS

/**
 * Which area declares each method. The type makes it name every method of the contract and no
 * other; test/unit/core/contract-schemas.test.ts holds each to its area's file.
 */
export const AREA_OF: Record<MethodName, ContractArea> = {
  listChecks: 'checks',
  runAudit: 'checks',
  runAllAudits: 'checks',
  cancelRun: 'checks',
  listResults: 'checks',
  getResult: 'checks',
  listRuns: 'checks',
  runChanges: 'checks',
  listWaiting: 'checks',
  resumeWaiting: 'checks',
  listCredentials: 'credentials',
  addCredential: 'credentials',
  verifyCredential: 'credentials',
  rotateCredential: 'credentials',
  updateCredential: 'credentials',
  listCredentialRotations: 'credentials',
  removeCredential: 'credentials',
  keychainStatus: 'credentials',
  appInfo: 'engagements',
  listEngagements: 'engagements',
  engagementSummaries: 'engagements',
  getEngagement: 'engagements',
  createEngagement: 'engagements',
  updateEngagement: 'engagements',
  removeEngagement: 'engagements',
  restoreEngagement: 'engagements',
  exportEngagement: 'engagements',
  importEngagement: 'engagements',
  verifyEvidence: 'engagements',
  evidenceTimeline: 'evidence',
  getEvidence: 'evidence',
  listExposures: 'exposures',
  recordRotation: 'exposures',
  listInventory: 'handover',
  saveInventoryEntry: 'handover',
  removeInventoryEntry: 'handover',
  importInventory: 'handover',
  prefillInventory: 'handover',
  handoverReadiness: 'handover',
  createBundle: 'handover',
  listBundles: 'handover',
  verifyBundle: 'handover',
  countersignBundle: 'handover',
  addAcceptance: 'handover',
  readBundleFile: 'handover',
  readBundleZip: 'handover',
  bundlePlace: 'handover',
  openBundleFolder: 'handover',
  saveBundleCopy: 'handover',
  signingIdentity: 'identity',
  saveSigningIdentity: 'identity',
  rekeySigningIdentity: 'identity',
  probeState: 'probes',
  saveProbeSettings: 'probes',
  recordProbeConsent: 'probes',
  revokeProbeConsent: 'probes',
  recordRegistrarVerdict: 'registrar',
  registrarVerdict: 'registrar',
  listRunbooks: 'runbooks',
  getRunbook: 'runbooks',
  startRunbook: 'runbooks',
  openRunbookRuns: 'runbooks',
  runbookView: 'runbooks',
  runbookDone: 'runbooks',
  runbookChoose: 'runbooks',
  runbookVerify: 'runbooks',
  runbookSkip: 'runbooks',
  runbookBack: 'runbooks',
  runbookAbandon: 'runbooks',
  getSettings: 'settings',
  saveNetworkSettings: 'settings',
  resetNetworkSettings: 'settings',
  testNetwork: 'settings',
  showWorkspaceFolder: 'settings',
  changeWorkspace: 'settings',
  listTemplates: 'sprint',
  startSprint: 'sprint',
  sprintStatus: 'sprint',
  finishSprint: 'sprint',
  updateSprintItem: 'sprint',
  waiveItem: 'sprint',
  revokeWaiver: 'sprint',
  recordVerdict: 'sprint',
  runSprint: 'sprint',
  readAttachment: 'sprint',
  listAttachments: 'sprint',
}

/** Load one area's methods (its schemas): exported for the test. */
export function loadArea(area: ContractArea): Promise<Record<string, { input: unknown }>> {
  return AREAS[area]()
}

/**
 * The input schema of one method, with only its area's schemas built: `dispatch` validates
 * against it, so a CLI command pays for the schemas of the methods it calls (~35–50 ms for the
 * whole contract at a cold start).
 */
export async function inputSchema<M extends MethodName>(method: M): Promise<Contract[M]['input']> {
  const methods = (await loadArea(AREA_OF[method])) as unknown as Contract
  return methods[method].input
}
