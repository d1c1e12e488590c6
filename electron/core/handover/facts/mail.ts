import type { ResultRow } from '../results'
import { objects, str, type Obj } from './read'

/** The mail setup at handover, from the mail.* checks: what the guide's mail advice points at. */
export interface MailView {
  mx: string[]
  spf: string
  dmarc: { policy: string; reports: string[]; text: string } | null
  dkim: { selector: string; bits: number | null }[]
}

export function mailView(latest: readonly ResultRow[]): MailView {
  const get = (id: string) => latest.find((r) => r.checkId === id)?.details ?? ({} as Obj)
  const mx = objects(get('mail.mx').mx).map((m) => `${m.preference ?? ''} ${str(m.host)}`.trim())
  const spfRecords = get('mail.spf').records
  const spf = Array.isArray(spfRecords) ? String(spfRecords.map((x) => (typeof x === 'string' ? x : str((x as Obj)?.text) || str((x as Obj)?.record)))[0] ?? '') : ''
  const d = get('mail.dmarc')
  const rec = (d.record ?? null) as Obj | null
  const dmarc = rec ? { policy: str(rec.p), reports: objects(rec.rua).map((u) => str(u.uri).replace(/^mailto:/i, '')), text: str(d.text) } : null
  const dkim = objects(get('mail.dkim').found)
    .filter((f) => !f.error)
    .map((f) => ({ selector: str(f.selector), bits: typeof f.bits === 'number' ? f.bits : null }))
  return { mx, spf, dmarc, dkim: dkim.filter((k) => k.selector) }
}
