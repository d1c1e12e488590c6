import { AppError } from '@shared/errors'
import type { Exposure } from '@shared/contract/exposures'
import { FACT } from '../../evidence/facts'
import { redact } from '../../vault/redact'
import { logChange } from '../../workspace/changelog'
import type { Workspace } from '../../workspace'
import { collectExposures } from './collect'

/**
 * Record that an exposed secret was rotated (by whom, when, a note): the rotate-now action
 * goes away and the rotation is appended to the evidence chain. Only a key the checks saw
 * can be recorded; a rotation dated in the future is refused.
 */
export function recordRotation(ws: Workspace, engagementId: string, r: { key: string; by: string; note?: string; rotatedAt?: string }, now = new Date()): Exposure[] {
  const exposure = collectExposures(ws.db, engagementId).find((e) => e.key === r.key)
  if (!exposure) throw new AppError('not_found', `no exposed secret "${r.key}" in this engagement (see the list of secrets to rotate)`)
  const at = r.rotatedAt ? new Date(r.rotatedAt) : now
  if (Number.isNaN(at.getTime())) throw new AppError('invalid_input', `"${r.rotatedAt}" is not a date (use YYYY-MM-DD or an ISO time)`)
  if (at.getTime() > now.getTime() + 60_000) throw new AppError('invalid_input', 'a rotation cannot be recorded in the future')
  // The row and its evidence item say the same (a pasted secret is masked in both).
  const by = redact(r.by.trim())
  const note = redact(r.note?.trim() ?? '')
  if (!by) throw new AppError('invalid_input', 'say who rotated it')
  const fact = { key: r.key, rotatedAt: at.toISOString(), by, note, createdAt: now.toISOString() }
  ws.db.transaction(() => {
    ws.db
      .prepare('INSERT INTO secret_rotations (engagement_id, exposure_key, rotated_at, rotated_by, note, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(engagementId, fact.key, fact.rotatedAt, fact.by, fact.note, fact.createdAt)
    ws.evidence.append(engagementId, [{ kind: FACT.rotation, label: `Rotated: ${exposure.name}`, data: { ...fact, name: exposure.name, provider: exposure.provider } }])
    logChange(ws.db, engagementId, 'secret', 'rotated', { key: r.key })
  })()
  return collectExposures(ws.db, engagementId)
}
