import { AppError } from '@shared/errors'
import { FACT, type RegistrarVerdictFact } from '../../../evidence/facts'
import { redact } from '../../../vault/redact'
import { logChange } from '../../../workspace/changelog'
import type { Db } from '../../../workspace/db'
import type { Workspace } from '../../../workspace'

/**
 * Record a person's verdict on who holds the registrar account (seen on a screen share, in the
 * registrar's dashboard): the row and its chained fact in one transaction. `reg.account` uses
 * the latest one where the registrar's API cannot say.
 */
export function recordRegistrarVerdict(ws: Workspace, engagementId: string, v: { holder: string; founderControls: boolean; by: string; note?: string }, now = new Date()): RegistrarVerdictFact {
  const fact: RegistrarVerdictFact = { holder: redact(v.holder.trim()), founderControls: v.founderControls, by: redact(v.by.trim()), note: redact(v.note?.trim() ?? ''), recordedAt: now.toISOString() }
  if (!fact.holder) throw new AppError('invalid_input', 'say who holds the registrar account (an e-mail or account name)')
  if (!fact.by) throw new AppError('invalid_input', 'say who checked it')
  ws.db.transaction(() => {
    ws.db
      .prepare('INSERT INTO registrar_verdicts (engagement_id, holder, founder_controls, by, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(engagementId, fact.holder, fact.founderControls ? 1 : 0, fact.by, fact.note, fact.recordedAt)
    ws.evidence.append(engagementId, [{ kind: FACT.registrarVerdict, label: `Registrar account held by ${fact.holder}`, data: { ...fact } }])
    logChange(ws.db, engagementId, 'registrar', 'verdict', { holder: fact.holder, founderControls: fact.founderControls })
  })()
  return fact
}

/** The latest verdict recorded for an engagement, or null. */
export function latestRegistrarVerdict(db: Db, engagementId: string): RegistrarVerdictFact | null {
  const r = db
    .prepare<[string], { holder: string; founder_controls: number; by: string; note: string; recorded_at: string }>('SELECT * FROM registrar_verdicts WHERE engagement_id = ? ORDER BY id DESC LIMIT 1')
    .get(engagementId)
  return r ? { holder: r.holder, founderControls: r.founder_controls === 1, by: r.by, note: r.note, recordedAt: r.recorded_at } : null
}
