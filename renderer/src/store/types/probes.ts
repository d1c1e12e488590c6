import type { ProbeState } from '@shared/contract/probes'
import type { ErrorInfo } from '@shared/errors'
import type { ProbeEndpoint, ProbeKind, SmokeFlow } from '@shared/schemas/probes'

/** The probes of the engagement on screen: declarations, consent and its history. */
export interface ProbesState {
  engagementId: string | null
  state: ProbeState | null
  busy: boolean
  error: ErrorInfo | null
}

/** What the "add endpoint" form holds. */
export interface EndpointDraft {
  id: string
  kind: ProbeKind
  url: string
  canary: string
}

export interface ProbeActions {
  loadProbes(engagementId: string): Promise<void>
  /** Save the endpoint list (smoke flows are kept as they are); false when core refused it. */
  saveProbeEndpoints(engagementId: string, endpoints: ProbeEndpoint[]): Promise<boolean>
  /** Save the smoke flows (endpoints kept as they are); the refusal comes back in words, nothing saved. */
  saveSmokeFlows(engagementId: string, flows: SmokeFlow[], done: string): Promise<{ ok: true } | { ok: false; message: string }>
  recordProbeConsent(engagementId: string, input: { givenBy: string; recordedBy: string; maxRequests: number; perSecond: number }): Promise<boolean>
  revokeProbeConsent(engagementId: string, by: string): Promise<boolean>
}
