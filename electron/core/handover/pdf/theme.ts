import type { Content, CustomTableLayout, StyleDictionary, TableCell } from 'pdfmake/interfaces'

export const COLORS = {
  ink: '#1f2933',
  muted: '#5f6b7a',
  faint: '#e4e7eb',
  band: '#f5f7fa',
  accent: '#1d4ed8',
  pass: '#15803d',
  warn: '#b45309',
  fail: '#b91c1c',
  error: '#7c3aed',
  skip: '#6b7280',
}

/** Readable typography: one sans family, a mono face for hashes and names, clear hierarchy. */
export const STYLES: StyleDictionary = {
  h1: { fontSize: 18, bold: true, color: COLORS.ink, margin: [0, 0, 0, 10] },
  h2: { fontSize: 12, bold: true, color: COLORS.accent, margin: [0, 12, 0, 5] },
  lead: { fontSize: 10, color: COLORS.muted, margin: [0, 0, 0, 10], lineHeight: 1.25 },
  small: { fontSize: 8, color: COLORS.muted },
  th: { fontSize: 8, bold: true, color: COLORS.muted },
  td: { fontSize: 8.5 },
  mono: { font: 'Mono', fontSize: 7.5 },
  note: { fontSize: 9, italics: true, color: COLORS.muted },
}

/** Horizontal rules only, light header band: the layout every table uses. */
export const TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : i === 1 ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: (i) => (i === 1 ? COLORS.muted : COLORS.faint),
  fillColor: (row) => (row === 0 ? COLORS.band : null),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
}

/** A section heading that appears in the table of contents; starts a new page unless told. */
export function heading(text: string, opts: { newPage?: boolean } = {}): Content {
  return { text, style: 'h1', tocItem: true, pageBreak: opts.newPage === false ? undefined : 'before' }
}

export function sub(text: string): Content {
  return { text, style: 'h2' }
}

/** A status word in its colour. */
export function statusCell(status: string): TableCell {
  const color = (COLORS as Record<string, string>)[status] ?? COLORS.ink
  return { text: status ? status.toUpperCase() : '—', color, bold: true, fontSize: 7.5 }
}

/** A table with a header row, the shared layout and repeated header on page breaks. */
export function table(widths: (number | string)[], header: string[], rows: TableCell[][], empty = 'Nothing recorded.'): Content {
  if (!rows.length) return { text: empty, style: 'note', margin: [0, 2, 0, 8] }
  return {
    table: { headerRows: 1, widths, dontBreakRows: true, body: [header.map((h) => ({ text: h, style: 'th' })), ...rows] },
    layout: 'handover',
    style: 'td',
    margin: [0, 2, 0, 10],
  }
}

/** "—" for empty values, so a blank cell reads as "not known" rather than a rendering fault. */
export function orDash(v: string | undefined | null): string {
  return v && v.trim() ? v : '—'
}

/** A short human date (UTC) for the PDF. */
export function day(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10)
}

/** Date and time (UTC). */
export function stamp(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** Shorten a line for the one-page guide (details live in later sections). */
export function clip(text: string, max = 130): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}\u2026` : text
}
