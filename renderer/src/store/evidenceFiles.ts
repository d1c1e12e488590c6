import type { AttachmentInfo } from '@shared/contract/sprint'

/** A manual verdict's evidence data, as far as its attachments go (anything else is ignored). */
export interface RecordedFiles {
  itemId: string
  files: { name: string; sha256: string; size: number; mime: string }[]
}

/** The item and attachments a verdict's evidence data records; null when it records none (or is not shaped so). */
export function recordedFiles(data: unknown): RecordedFiles | null {
  if (!data || typeof data !== 'object') return null
  const d = data as { itemId?: unknown; attachments?: unknown }
  if (typeof d.itemId !== 'string' || !Array.isArray(d.attachments)) return null
  const files = d.attachments
    .slice(0, 100)
    .filter((a): a is RecordedFiles['files'][number] => !!a && typeof a === 'object' && typeof a.name === 'string' && typeof a.sha256 === 'string' && /^[0-9a-f]{64}$/.test(a.sha256))
    .map((a) => ({ name: a.name, sha256: a.sha256, size: Number(a.size) || 0, mime: typeof a.mime === 'string' ? a.mime : 'application/octet-stream' }))
  return files.length ? { itemId: d.itemId, files } : null
}

/**
 * The stored attachments an evidence item names, in the order it names them: each matched by its
 * hash to a stored file of that item (so what opens is what the evidence recorded; the engine
 * checks the bytes against the hash again when reading). `missing` names those with no stored row.
 */
export function matchRecorded(rec: RecordedFiles, rows: AttachmentInfo[]): { found: AttachmentInfo[]; missing: string[] } {
  const found: AttachmentInfo[] = []
  const missing: string[] = []
  for (const f of rec.files) {
    const row = rows.find((r) => r.sha256 === f.sha256 && r.itemId === rec.itemId)
    // shown under the name and type the evidence recorded
    if (row) found.push({ ...row, name: f.name, mime: f.mime })
    else missing.push(f.name)
  }
  return { found, missing }
}
