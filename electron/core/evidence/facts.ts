import type { CredentialRotation } from '@shared/contract/credentials'
import type { ItemState } from '@shared/schemas/sprint'

/**
 * The facts the evidence chain carries beyond raw observations: every value a conclusion rests
 * on is written here (in an evidence item's data) in the same transaction as the table row
 * that repeats it for queries, and `evidence verify` compares the two (./coverage).
 */
export const FACT = {
  /** A check's result: status, summary, details, run and time (the row in check_results). */
  result: 'check.result',
  sprintStarted: 'sprint.started',
  sprintFinished: 'sprint.finished',
  /** An item's whole state after a change: status (a verdict or override), owner, notes, fix order, risk note. */
  itemState: 'item.state',
  waiver: 'waiver',
  waiverRevoked: 'waiver.revoked',
  /** A person's verdict with its attachments (name, hash, size, type). */
  verdict: 'manual-verdict',
  /** Inventory rows set or removed. */
  inventory: 'inventory',
  /** A runbook run's log entry, with the run's state after it where the step moved it. */
  runbookStep: 'runbook-step',
  /** An exposed secret's rotation, as a person recorded it (the row of secret_rotations). */
  rotation: 'rotation',
  /** A stored credential's rotation: the whole row of credential_rotations after each change (recorded, verified, old key dead). */
  credentialRotation: 'credential.rotation',
  /** A person's verdict on who holds the registrar account (the row of registrar_verdicts). */
  registrarVerdict: 'registrar.verdict',
  /** A site owner's consent to the probes: the whole row of probe_consents after each change (recorded, revoked). */
  probeConsent: 'probe.consent',
  /** The tables as they stood when a workspace from before chained state was upgraded. */
  adopted: 'state.adopted',
} as const

export interface SprintFact {
  sprintId: string
  templateId: string
  startedAt: string
  endsAt: string
  finishedAt: string | null
}

/** An item's whole state after a change (the row of sprint_items). */
export type ItemStateFact = { sprintId: string; itemId: string } & ItemState

export interface WaiverFact {
  sprintId: string
  itemId: string
  reason: string
  acceptedBy: string
  expiresAt: string
  createdAt: string
  revokedAt: string | null
}

export interface InventoryRowFact {
  id: string
  system: string
  name: string
  position: number
  fields: Record<string, unknown>
  source: string
  updatedAt: string
}

export type InventoryChange = { op: 'set'; entry: InventoryRowFact } | { op: 'remove'; id: string }

export interface AttachmentFact {
  sprintId: string | null
  itemId: string | null
  name: string
  sha256: string
  size: number
  mime: string
}

/** A runbook run's row: who started which runbook when, and where it stands. */
export interface RunbookRunFact {
  id: string
  runbookId: string
  startedAt: string
  by: string
  currentStep: string | null
  inputs: Record<string, unknown>
  finishedAt: string | null
}

/** A rotation of an exposed secret (the row of secret_rotations). */
export interface RotationFact {
  key: string
  rotatedAt: string
  by: string
  note: string
  createdAt: string
}

/**
 * A stored credential's rotation (the row of credential_rotations): the contract's
 * CredentialRotation, except that a chained body's status is read as any string (an imported
 * file may hold anything; verification compares it with the row, never trusts it).
 */
export type CredentialRotationFact = Omit<CredentialRotation, 'status'> & {
  /** verified | pending (stored offline, verified at the next online run) | failed | unverifiable (no API) */
  status: string
}

/** Who holds the registrar account, as a person found it (the row of registrar_verdicts). */
export interface RegistrarVerdictFact {
  holder: string
  founderControls: boolean
  by: string
  note: string
  recordedAt: string
}

/** A consent to the probes (the row of probe_consents): who, when, which endpoints, which limits. */
export interface ProbeConsentFact {
  id: string
  givenBy: string
  recordedBy: string
  recordedAt: string
  endpoints: unknown[]
  limits: Record<string, unknown>
  note: string
  revokedAt: string | null
}

/** The chained state of one engagement: what the projection tables must hold. */
export interface StateFacts {
  sprints: SprintFact[]
  items: ItemStateFact[]
  waivers: WaiverFact[]
  inventory: InventoryRowFact[]
  attachments: AttachmentFact[]
  runbookRuns: RunbookRunFact[]
  /** Absent in adoption items written before rotations were recorded. */
  rotations?: RotationFact[]
  /** Absent in adoption items written before credential rotations and registrar verdicts were recorded. */
  credentialRotations?: CredentialRotationFact[]
  registrarVerdicts?: RegistrarVerdictFact[]
  /** Absent in adoption items written before probe consents were recorded. */
  probeConsents?: ProbeConsentFact[]
}
