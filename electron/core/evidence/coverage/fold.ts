import type { Envelope } from '../store'
import { FACT, type AttachmentFact, type CredentialRotationFact, type InventoryChange, type InventoryRowFact, type ItemStateFact, type ProbeConsentFact, type RegistrarVerdictFact, type RotationFact, type RunbookRunFact, type SprintFact, type StateFacts, type WaiverFact } from '../facts'

/** A fact with the evidence item that last stated it. */
export interface Stated<T> {
  fact: T
  seq: number
}

const str = (v: unknown): v is string => typeof v === 'string'
const obj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

/**
 * The state the chain states, folded item by item in seq order: what the projection tables
 * must hold. An item whose data lacks the fields a fact needs (items recorded before chained
 * state: their rows were adopted whole by a later `state.adopted` item) states nothing.
 */
export class ChainState {
  sprints = new Map<string, Stated<SprintFact>>()
  items = new Map<string, Stated<ItemStateFact>>()
  /** By sprint and item, in the order they were given. */
  waivers = new Map<string, Stated<WaiverFact>[]>()
  inventory = new Map<string, Stated<InventoryRowFact>>()
  attachments: Stated<AttachmentFact>[] = []
  runs = new Map<string, Stated<RunbookRunFact>>()
  rotations: Stated<RotationFact>[] = []
  credentialRotations = new Map<string, Stated<CredentialRotationFact>>()
  registrarVerdicts: Stated<RegistrarVerdictFact>[] = []
  probeConsents = new Map<string, Stated<ProbeConsentFact>>()

  /** Apply one verified item; returns a reason when the item contradicts the chain before it. */
  apply(env: Envelope): string | void {
    const d = env.data
    if (!obj(d)) return
    const seq = env.seq
    switch (env.kind) {
      case FACT.adopted:
        return this.adopt(d as unknown as StateFacts, seq)
      case FACT.sprintStarted:
        if (str(d.sprintId)) this.sprints.set(d.sprintId, { fact: { ...(d as unknown as SprintFact), finishedAt: null }, seq })
        return
      case FACT.sprintFinished: {
        if (!str(d.sprintId)) return
        const s = this.sprints.get(d.sprintId)
        if (!s) return `item ${seq} finishes sprint ${d.sprintId.slice(0, 8)}, which the chain never started`
        this.sprints.set(d.sprintId, { fact: { ...s.fact, finishedAt: (d.finishedAt as string) ?? null }, seq })
        return
      }
      case FACT.itemState:
        if (str(d.sprintId) && str(d.itemId)) this.items.set(itemKey(d.sprintId, d.itemId), { fact: d as unknown as ItemStateFact, seq })
        return
      case FACT.waiver:
        if (str(d.sprintId) && str(d.itemId)) this.waiverList(d.sprintId, d.itemId).push({ fact: { ...(d as unknown as WaiverFact), revokedAt: null }, seq })
        return
      case FACT.waiverRevoked:
        if (!str(d.sprintId) || !str(d.itemId)) return
        for (const w of this.waiverList(d.sprintId, d.itemId)) if (w.fact.revokedAt === null) Object.assign(w, { fact: { ...w.fact, revokedAt: d.revokedAt }, seq })
        return
      case FACT.verdict:
        if (str(d.sprintId) && str(d.itemId) && Array.isArray(d.attachments)) {
          for (const a of d.attachments as AttachmentFact[]) this.attachments.push({ fact: { sprintId: d.sprintId, itemId: d.itemId, name: a.name, sha256: a.sha256, size: a.size, mime: a.mime }, seq })
        }
        return
      case FACT.inventory:
        if (Array.isArray(d.changes)) for (const c of d.changes as InventoryChange[]) this.inventoryChange(c, seq)
        return
      case FACT.runbookStep:
        return this.runbookStep(env.target, d, seq)
      case FACT.rotation:
        if (str(d.key) && str(d.rotatedAt)) this.rotations.push({ fact: { key: d.key, rotatedAt: d.rotatedAt, by: String(d.by ?? ''), note: String(d.note ?? ''), createdAt: String(d.createdAt ?? '') }, seq })
        return
      case FACT.credentialRotation:
        if (str(d.id) && str(d.credentialId)) this.credentialRotations.set(d.id, { fact: d as unknown as CredentialRotationFact, seq })
        return
      case FACT.registrarVerdict:
        if (str(d.holder) && typeof d.founderControls === 'boolean') this.registrarVerdicts.push({ fact: { holder: d.holder, founderControls: d.founderControls, by: String(d.by ?? ''), note: String(d.note ?? ''), recordedAt: String(d.recordedAt ?? '') }, seq })
        return
      case FACT.probeConsent:
        if (str(d.id) && str(d.givenBy)) this.probeConsents.set(d.id, { fact: d as unknown as ProbeConsentFact, seq })
        return
    }
  }

  private adopt(s: StateFacts, seq: number): void {
    const list = <T>(v: T[] | undefined) => (Array.isArray(v) ? v : [])
    this.sprints = new Map(list(s.sprints).map((f) => [f.sprintId, { fact: f, seq }]))
    this.items = new Map(list(s.items).map((f) => [itemKey(f.sprintId, f.itemId), { fact: f, seq }]))
    this.waivers = new Map()
    for (const w of list(s.waivers)) this.waiverList(w.sprintId, w.itemId).push({ fact: w, seq })
    this.inventory = new Map(list(s.inventory).map((f) => [f.id, { fact: f, seq }]))
    this.attachments = list(s.attachments).map((f) => ({ fact: f, seq }))
    this.runs = new Map(list(s.runbookRuns).map((f) => [f.id, { fact: f, seq }]))
    this.rotations = list(s.rotations).map((f) => ({ fact: f, seq }))
    this.credentialRotations = new Map(list(s.credentialRotations).map((f) => [f.id, { fact: f, seq }]))
    this.registrarVerdicts = list(s.registrarVerdicts).map((f) => ({ fact: f, seq }))
    this.probeConsents = new Map(list(s.probeConsents).map((f) => [f.id, { fact: f, seq }]))
  }

  private waiverList(sprintId: string, itemId: string): Stated<WaiverFact>[] {
    const k = itemKey(sprintId, itemId)
    let l = this.waivers.get(k)
    if (!l) this.waivers.set(k, (l = []))
    return l
  }

  private inventoryChange(c: InventoryChange, seq: number): void {
    if (c?.op === 'set' && obj(c.entry) && str(c.entry.id)) this.inventory.set(c.entry.id, { fact: c.entry, seq })
    else if (c?.op === 'remove' && str(c.id)) this.inventory.delete(c.id)
  }

  private runbookStep(runId: string | null, d: Record<string, unknown>, seq: number): string | void {
    if (!runId) return
    if (obj(d.run)) this.runs.set(runId, { fact: { id: runId, currentStep: null, inputs: {}, finishedAt: null, ...(d.run as object) } as RunbookRunFact, seq })
    if (obj(d.state)) {
      const r = this.runs.get(runId)
      if (!r) return `item ${seq} moves runbook run ${runId.slice(0, 8)}, which the chain never started`
      this.runs.set(runId, { fact: { ...r.fact, ...(d.state as object) }, seq })
    }
  }
}

export function itemKey(sprintId: string, itemId: string): string {
  return `${sprintId}\u0000${itemId}`
}
