import { createGunzip, gunzipSync } from 'node:zlib'
import { AppError } from '@shared/errors'
import { openAnchor, type AnchorStatement, type SignedAnchor } from '../evidence/anchor'
import { sha256Hex } from '../evidence/canonical'
import { GENESIS, linkHash } from '../evidence/store'
import { MAX_ATTACHMENT_BYTES } from '../sprint/attachments'
import { formatBytes } from '../files/read'
import { hostProblem, ROW_SCHEMAS } from './transfer-rows'

export const EXPORT_FORMAT = 'handover-engagement'
/** 2: the export carries the chain head signed by the consultant's key (`anchor`). */
export const EXPORT_VERSION = 2
/** An export file (gzip) is refused above this size before it is read... */
export const MAX_EXPORT_BYTES = 256 * 1024 * 1024
/** ...and when it inflates past this, found by inflating without keeping the output. */
export const MAX_EXPORT_INFLATED = 256 * 1024 * 1024

export interface ExportDoc {
  format: string
  version: number
  engagement: { id: string; domain: string }
  chainHead: string
  anchor: SignedAnchor
  tables: Record<string, Record<string, unknown>[]>
  attachments: { sha256: string; dataBase64: string }[]
}

export const broken = (what: string) => new AppError('invalid_input', `this engagement export is damaged: ${what}; nothing was imported`)
const tampered = (what: string) => new AppError('invalid_input', `tampered export: ${what}; nothing was imported`)
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Gunzip with a cap on the output. A first pass inflates as a stream and counts, keeping
 * nothing, so a bomb (13 MB that inflates to 3 GB) is refused at the cap with a few MB of
 * memory; only then is the file inflated for real, knowing its size is within the cap.
 */
export async function gunzipBounded(bytes: Uint8Array, max: number): Promise<Buffer> {
  let total = 0
  const notGzip = () => new AppError('invalid_input', 'this is not a Handover Console engagement export (not gzip’d JSON)')
  await new Promise<void>((resolve, reject) => {
    const z = createGunzip()
    z.on('data', (c: Buffer) => {
      total += c.length
      if (total > max) {
        z.destroy()
        reject(new AppError('invalid_input', `this export inflates to more than ${formatBytes(max)}, over the limit for an engagement export; nothing was imported`))
      }
    })
    z.on('error', () => reject(notGzip()))
    z.on('end', () => resolve())
    z.end(bytes)
  })
  try {
    return gunzipSync(bytes, { maxOutputLength: max })
  } catch {
    throw notGzip()
  }
}

/**
 * Parse and check an export before anything is written: bounded size, format and version,
 * every row through its table's schema, the hash chain, the signed chain head (the consultant's
 * signature over "item N with hash H", N the chain's length), and every attachment's hash.
 */
export async function readExport(bytes: Uint8Array): Promise<{ doc: ExportDoc; anchor: AnchorStatement }> {
  if (bytes.byteLength > MAX_EXPORT_BYTES) throw new AppError('invalid_input', `this export is ${formatBytes(bytes.byteLength)}, over the ${formatBytes(MAX_EXPORT_BYTES)} limit`)
  let doc: ExportDoc
  try {
    doc = JSON.parse((await gunzipBounded(bytes, MAX_EXPORT_INFLATED)).toString('utf8')) as ExportDoc
  } catch (e) {
    if (e instanceof AppError) throw e
    throw new AppError('invalid_input', 'this is not a Handover Console engagement export (not gzip’d JSON)')
  }
  if (doc?.format !== EXPORT_FORMAT) throw new AppError('invalid_input', 'this is not a Handover Console engagement export')
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version)) throw new AppError('invalid_input', 'this is not an engagement export: its format version is not a whole number; nothing was imported')
  if (doc.version > EXPORT_VERSION) throw new AppError('invalid_input', `export format v${doc.version} is newer than this app understands (v${EXPORT_VERSION})`)
  if (doc.version < 2) throw new AppError('invalid_input', 'this export was made before exports carried a signed chain head: export it again with this version; nothing was imported')
  checkShape(doc)
  checkRows(doc)
  const head = checkChain(doc)
  const anchor = checkAnchor(doc, head)
  for (const a of doc.attachments) {
    if (!/^[0-9a-f]{64}$/.test(a.sha256)) throw broken('an attachment hash is not hex')
    if (a.dataBase64.length > Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4) throw broken(`attachment ${a.sha256.slice(0, 12)} is over the ${formatBytes(MAX_ATTACHMENT_BYTES)} limit`)
    if (sha256Hex(Buffer.from(a.dataBase64, 'base64')) !== a.sha256) throw tampered(`attachment ${a.sha256.slice(0, 12)} does not match its hash`)
  }
  return { doc, anchor }
}

/** The export's structure, before any of it is trusted: lists where lists belong, plain cell values. */
function checkShape(doc: ExportDoc): void {
  if (!isRecord(doc.engagement) || typeof doc.engagement.id !== 'string' || typeof doc.engagement.domain !== 'string') throw broken('no engagement id and domain')
  if (typeof doc.chainHead !== 'string') throw broken('no evidence chain head')
  if (!isRecord(doc.tables)) throw broken('no tables')
  for (const [name, rows] of Object.entries(doc.tables)) {
    if (!Array.isArray(rows) || !rows.every(isRecord)) throw broken(`table ${name} is not a list of rows`)
    for (const row of rows) {
      for (const v of Object.values(row)) if (v !== null && typeof v !== 'string' && typeof v !== 'number') throw broken(`table ${name} holds a value that is not text, a number or null`)
    }
  }
  if (!Array.isArray(doc.attachments) || !doc.attachments.every((a) => isRecord(a) && typeof a.sha256 === 'string' && typeof a.dataBase64 === 'string')) {
    throw broken('the attachment list is not a list of files')
  }
}

/** Every row of every table through its schema; the engagement row and hosts against the export's own domain. */
function checkRows(doc: ExportDoc): void {
  for (const [name, rows] of Object.entries(doc.tables)) {
    const schema = ROW_SCHEMAS[name]
    if (!schema) throw broken(`it carries a table this version does not know (${name.slice(0, 60)})`)
    rows.forEach((row, i) => {
      const r = schema.safeParse(row)
      if (!r.success) {
        const issue = r.error.issues[0]
        throw broken(`${name} row ${i + 1}: ${issue.path.join('.') || 'row'}: ${issue.message}`)
      }
      rows[i] = r.data
    })
  }
  const engagement = doc.tables.engagements ?? []
  if (engagement.length !== 1 || engagement[0].id !== doc.engagement.id || engagement[0].domain !== doc.engagement.domain) throw broken('the engagement row does not match the export')
  for (const h of doc.tables.hosts ?? []) {
    const why = hostProblem(String(h.name), doc.engagement.domain)
    if (why) throw broken(why)
  }
}

/** The evidence rows form one unbroken chain from the genesis; returns its head. */
function checkChain(doc: ExportDoc): string {
  const evidence = [...(doc.tables.evidence ?? [])].sort((a, b) => Number(a.seq) - Number(b.seq))
  let prev = GENESIS
  evidence.forEach((row, i) => {
    if (Number(row.seq) !== i + 1) throw tampered(`evidence item ${i + 1} is missing`)
    if (row.prev_hash !== prev || linkHash(prev, String(row.body)) !== row.hash) throw tampered(`evidence item ${row.seq} does not match its hash`)
    prev = String(row.hash)
  })
  if (prev !== doc.chainHead) throw tampered('the evidence chain was cut short')
  return prev
}

/** The consultant signed this export's head: the chain must end exactly there. */
function checkAnchor(doc: ExportDoc, head: string): AnchorStatement {
  const opened = openAnchor(doc.anchor)
  if (!opened.ok) throw tampered(opened.reason)
  const s = opened.statement
  const count = (doc.tables.evidence ?? []).length
  if (s.engagementId !== doc.engagement.id || s.domain !== doc.engagement.domain) throw tampered('the signed chain head is for another engagement')
  if (s.seq !== count || s.head !== head) {
    throw tampered(s.seq > count ? `the chain was cut: ${s.signer.name} signed item ${s.seq} as its head, the export holds ${count} items` : `the evidence chain is not the one ${s.signer.name} signed (item ${s.seq}): it was recomputed`)
  }
  return s
}
