import { AppError } from '@shared/errors'
import type { Exposure } from '@shared/contract/exposures'
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
  const by = r.by.trim()
  if (!by) throw new AppError('invalid_input', 'say who rotated it')
  ws.db.transaction(() => {
    ws.db
      .prepare('INSERT INTO secret_rotations (engagement_id, exposure_key, rotated_at, rotated_by, note, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(engagementId, r.key, at.toISOString(), by, r.note?.trim() ?? '', now.toISOString())
    ws.evidence.append(engagementId, [
      { kind: 'rotation', label: `Rotated: ${exposure.name}`, data: { key: r.key, name: exposure.name, provider: exposure.provider, rotatedAt: at.toISOString(), by, note: r.note?.trim() ?? '' } },
    ])
    logChange(ws.db, engagementId, 'secret', 'rotated', { key: r.key })
  })()
  return collectExposures(ws.db, engagementId)
}
