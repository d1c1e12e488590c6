/** A parsed DMARC record (RFC 7489 §6.3) with defaults applied. */
export interface DmarcRecord {
  v: 'DMARC1'
  p: 'none' | 'quarantine' | 'reject'
  sp: 'none' | 'quarantine' | 'reject' | null
  adkim: 'r' | 's'
  aspf: 'r' | 's'
  pct: number
  rua: ReportUri[]
  ruf: ReportUri[]
  ri: number
  fo: string[]
  rf: string[]
  /** Set when p was missing/invalid and a valid rua made it p=none (RFC 7489 §6.6.3). */
  pFallback?: string
}

/** A report destination with its optional size limit ("!10m"). */
export interface ReportUri {
  uri: string
  maxSize?: number
  unit?: string
}

export type DmarcParse = { ok: true; record: DmarcRecord } | { ok: false; error: string }

const POLICY = /^(none|quarantine|reject)$/
const URI = /^([a-z][a-z0-9+.-]*:[^!\s]+)(?:!(\d+)([kmgt])?)?$/i

function uris(v: string, tag: string): ReportUri[] {
  return v.split(',').map((raw) => {
    const m = URI.exec(raw.trim())
    if (!m || (m[2] !== undefined && !Number.isSafeInteger(Number(m[2])))) throw new Error(`${tag}= has an invalid URI "${raw.trim()}"`)
    const r: ReportUri = { uri: m[1] }
    if (m[2] !== undefined) r.maxSize = Number(m[2])
    if (m[3]) r.unit = m[3].toLowerCase()
    return r
  })
}

/** Whether TXT text is a DMARC record at all (it starts with v=DMARC1). */
export function isDmarcRecord(txt: string): boolean {
  return /^v\s*=\s*DMARC1\s*(;|$)/i.test(txt) && /^[vV]\s*=\s*DMARC1/.test(txt)
}

/**
 * Parse a DMARC record per RFC 7489: v=DMARC1 first, then tags in any order (RFC §6.3 fixes only
 * v's position), no duplicates, values checked; a missing or invalid p with a valid rua falls back
 * to p=none (§6.6.3).
 */
export function parseDmarc(txt: string): DmarcParse {
  const parts = txt.split(';').map((s) => s.trim())
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop()
  const tags = new Map<string, string>()
  for (const [i, p] of parts.entries()) {
    const m = /^([A-Za-z]+)\s*=\s*(.*)$/.exec(p)
    if (!m) return { ok: false, error: p ? `"${p}" is not a tag=value pair` : 'empty tag' }
    const name = m[1].toLowerCase()
    if (i === 0 && (name !== 'v' || m[2].trim() !== 'DMARC1')) return { ok: false, error: 'the record must start with v=DMARC1' }
    if (tags.has(name)) return { ok: false, error: `tag ${name}= appears twice` }
    tags.set(name, m[2].trim())
  }
  if (!tags.size) return { ok: false, error: 'empty record' }
  const rec: DmarcRecord = { v: 'DMARC1', p: 'none', sp: null, adkim: 'r', aspf: 'r', pct: 100, rua: [], ruf: [], ri: 86400, fo: ['0'], rf: ['afrf'] }
  let policyError: string | undefined
  try {
    for (const [k, v] of tags) {
      if (k === 'p' || k === 'sp') {
        if (!POLICY.test(v)) policyError = `${k}=${v} is not none, quarantine or reject`
        else if (k === 'p') rec.p = v as DmarcRecord['p']
        else rec.sp = v as DmarcRecord['p']
      } else if (k === 'adkim' || k === 'aspf') {
        if (v !== 'r' && v !== 's') throw new Error(`${k}=${v} must be r or s`)
        rec[k] = v
      } else if (k === 'pct') {
        if (!/^\d{1,3}$/.test(v) || Number(v) > 100) throw new Error(`pct=${v} must be a number from 0 to 100`)
        rec.pct = Number(v)
      } else if (k === 'ri') {
        if (!/^\d{1,10}$/.test(v) || Number(v) > 0xffffffff) throw new Error(`ri=${v} must be a number of seconds`)
        rec.ri = Number(v)
      } else if (k === 'fo') {
        const list = v.split(':').map((x) => x.trim())
        if (!list.every((x) => /^[01ds]$/.test(x))) throw new Error(`fo=${v} must be 0, 1, d or s (colon separated)`)
        rec.fo = list
      } else if (k === 'rf') {
        const list = v.split(':').map((x) => x.trim())
        if (!list.every((x) => /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(x))) throw new Error(`rf=${v} is not a list of report formats`)
        rec.rf = list
      } else if (k === 'rua' || k === 'ruf') rec[k] = uris(v, k)
    }
  } catch (e) {
    if (!rec.rua.length || !tags.has('rua')) return { ok: false, error: (e as Error).message }
    policyError = (e as Error).message
  }
  if (!tags.has('p')) policyError ??= 'the required p= tag is missing'
  if (policyError) {
    if (!rec.rua.length) return { ok: false, error: policyError }
    // RFC 7489 §6.6.3: an invalid or missing policy with a valid rua is treated as p=none.
    return { ok: true, record: { ...rec, p: 'none', sp: null, pFallback: policyError } }
  }
  return { ok: true, record: rec }
}
