import type { Db } from '../../workspace/db'
import type { StateFacts } from '../facts'

const has = (db: Db, table: string) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)

/** JSON text from a column, or the text itself when it is not JSON (so a comparison shows it). */
function json(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v }
  } catch {
    return { unparsable: text }
  }
}

/** A JSON array column, or the text itself when it is not one (so a comparison shows it). */
function jsonList(text: string): unknown[] {
  try {
    const v = JSON.parse(text) as unknown
    return Array.isArray(v) ? v : [{ value: v }]
  } catch {
    return [{ unparsable: text }]
  }
}

/**
 * The projection tables of one engagement in the shape the chain states them: what
 * `evidence verify` compares with the chain, and what a workspace from before chained state
 * adopts into its chain once (migration 051).
 */
export function readState(db: Db, engagementId: string): StateFacts {
  const rows = <T>(table: string, sql: string): T[] => (has(db, table) ? (db.prepare(sql).all(engagementId) as T[]) : [])
  const sprintScope = 'sprint_id IN (SELECT id FROM sprints WHERE engagement_id = ?)'
  return {
    sprints: rows('sprints', 'SELECT id AS sprintId, template_id AS templateId, started_at AS startedAt, ends_at AS endsAt, finished_at AS finishedAt FROM sprints WHERE engagement_id = ? ORDER BY started_at, id'),
    items: rows(
      'sprint_items',
      `SELECT sprint_id AS sprintId, item_id AS itemId, status, owner, notes, fix_order AS fixOrder, risk_note AS riskNote, updated_at AS updatedAt
       FROM sprint_items WHERE ${sprintScope} ORDER BY sprint_id, item_id`,
    ),
    waivers: rows(
      'waivers',
      `SELECT sprint_id AS sprintId, item_id AS itemId, reason, accepted_by AS acceptedBy, expires_at AS expiresAt, created_at AS createdAt, revoked_at AS revokedAt
       FROM waivers WHERE ${sprintScope} ORDER BY id`,
    ),
    inventory: rows<{ id: string; system: string; name: string; position: number; fields: string; source: string; updatedAt: string }>(
      'inventory_entries',
      'SELECT id, system, name, position, fields, source, updated_at AS updatedAt FROM inventory_entries WHERE engagement_id = ? ORDER BY position, id',
    ).map((r) => ({ ...r, fields: json(r.fields) })),
    attachments: rows('attachments', 'SELECT sprint_id AS sprintId, item_id AS itemId, name, sha256, size, mime FROM attachments WHERE engagement_id = ? ORDER BY id'),
    runbookRuns: rows<{ id: string; runbookId: string; startedAt: string; by: string; currentStep: string | null; inputs: string; finishedAt: string | null }>(
      'runbook_runs',
      'SELECT id, runbook_id AS runbookId, started_at AS startedAt, by, current_step AS currentStep, inputs, finished_at AS finishedAt FROM runbook_runs WHERE engagement_id = ? ORDER BY started_at, id',
    ).map((r) => ({ ...r, inputs: json(r.inputs) })),
    rotations: rows(
      'secret_rotations',
      'SELECT exposure_key AS key, rotated_at AS rotatedAt, rotated_by AS by, note, created_at AS createdAt FROM secret_rotations WHERE engagement_id = ? ORDER BY id',
    ),
    credentialRotations: rows(
      'credential_rotations',
      `SELECT id, credential_id AS credentialId, provider, label, rotated_at AS rotatedAt, rotated_by AS by, reason, status, verified_at AS verifiedAt, verify_error AS verifyError,
              old_revoked_at AS oldRevokedAt, created_at AS createdAt FROM credential_rotations WHERE engagement_id = ? ORDER BY created_at, id`,
    ),
    registrarVerdicts: rows<{ holder: string; founderControls: number | boolean; by: string; note: string; recordedAt: string }>(
      'registrar_verdicts',
      'SELECT holder, founder_controls AS founderControls, by, note, recorded_at AS recordedAt FROM registrar_verdicts WHERE engagement_id = ? ORDER BY id',
    ).map((v) => ({ ...v, founderControls: v.founderControls === 1 || v.founderControls === true })),
    probeConsents: rows<{ id: string; givenBy: string; recordedBy: string; recordedAt: string; endpoints: string; limits: string; note: string; revokedAt: string | null }>(
      'probe_consents',
      'SELECT id, given_by AS givenBy, recorded_by AS recordedBy, recorded_at AS recordedAt, endpoints, limits, note, revoked_at AS revokedAt FROM probe_consents WHERE engagement_id = ? ORDER BY recorded_at, id',
    ).map((c) => ({ ...c, endpoints: jsonList(c.endpoints), limits: json(c.limits) })),
  }
}
