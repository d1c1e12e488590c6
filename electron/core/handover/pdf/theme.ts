import type { Content, ContentText, CustomTableLayout, StyleDictionary, TableCell } from 'pdfmake/interfaces'
import { ITEM_STATUS_LABELS, type ItemStatus } from '@shared/schemas/sprint'
import type { Severity } from '@shared/schemas/template'

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

/**
 * A section heading in the table of contents and the PDF's bookmarks; `id` lets other pages
 * link to it. It starts a new page only when told: forced breaks leave half-empty pages.
 */
export function heading(text: string, opts: { newPage?: boolean; id?: string } = {}): Content {
  return {
    text,
    style: 'h1',
    tocItem: true,
    ...(opts.id ? { id: opts.id } : {}),
    ...(opts.newPage ? { pageBreak: 'before' as const } : { margin: [0, 14, 0, 10] as [number, number, number, number] }),
  }
}

/**
 * Keep a heading (and its lead) with what follows, without pdfmake's pageBreakBefore (which
 * costs a pass over every node of the document): the heading sits in an unbreakable block that
 * reserves `reserve` points below it, so it moves to the next page unless that much room is
 * left; the next node is then pulled back up over the reserved space.
 */
export function keepWithNext(nodes: Content[], reserve = 110): Content[] {
  return [
    { stack: [...nodes, { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 0, y2: 0, lineWidth: 0 }], margin: [0, reserve, 0, 0] }], unbreakable: true },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 0, y2: 0, lineWidth: 0 }], margin: [0, -reserve, 0, 0] },
  ]
}

/** Item statuses in colour: failing red, blocked violet, attention amber, open grey, pass green. */
const ITEM_COLORS: Record<ItemStatus, string> = { fail: COLORS.fail, blocked: COLORS.error, attention: COLORS.warn, todo: COLORS.muted, doing: COLORS.muted, pass: COLORS.pass, waived: COLORS.skip }

/** An item status as a coloured word ("ATTENTION", never "pass" for an item that warns). */
export function itemStatusCell(status: ItemStatus): ContentText {
  return { text: ITEM_STATUS_LABELS[status].toUpperCase(), color: ITEM_COLORS[status], bold: true, fontSize: 7.5 }
}

export const SEVERITY_LABELS: Record<Severity, string> = { 'launch-blocker': 'Launch blocker', 'conversion-blocker': 'Conversion blocker', 'scale-risk': 'Scale risk' }

/** A link in the accent colour (clickable in every PDF reader). */
export function link(text: string, url: string, extra: Record<string, unknown> = {}): Content {
  return /^https?:\/\//.test(url) ? { text, link: url, color: COLORS.accent, ...extra } : { text, ...extra }
}

/** A word readers cannot miss: a red "ROTATE NOW" and similar. */
export function flag(text: string, color: string = COLORS.fail): Content {
  return { text: ` ${text} `, bold: true, color: '#ffffff', background: color, fontSize: 7 }
}

export function sub(text: string): Content {
  return { text, style: 'h2' }
}

/** A status word in its colour. */
export function statusCell(status: string): ContentText {
  const color = (COLORS as Record<string, string>)[status] ?? COLORS.ink
  return { text: status ? status.toUpperCase() : '—', color, bold: true, fontSize: 7.5 }
}

/** The same rules with a title row above the header: the title and header repeat on each page. */
export const TITLED_LAYOUT: CustomTableLayout = {
  ...TABLE_LAYOUT,
  hLineWidth: (i, node) => (i <= 1 || i === node.table.body.length ? 0 : i === 2 ? 0.8 : 0.4),
  hLineColor: (i) => (i === 2 ? COLORS.muted : COLORS.faint),
  fillColor: (row) => (row === 1 ? COLORS.band : null),
}

/**
 * A table with a header row, the shared layout and the header repeated on page breaks. With a
 * `title`, the title is a row of the table itself, so it never sits alone at the foot of a page
 * (and says what continues on the next one).
 */
export function table(widths: (number | string)[], header: string[], rows: TableCell[][], empty = 'Nothing recorded.', title?: string): Content {
  const head = header.map((h) => ({ text: h, style: 'th' }))
  if (!rows.length) return title ? { stack: [sub(title), { text: empty, style: 'note', margin: [0, 2, 0, 8] }], unbreakable: true } : { text: empty, style: 'note', margin: [0, 2, 0, 8] }
  if (!title) return { table: { headerRows: 1, widths, dontBreakRows: true, body: [head, ...rows] }, layout: 'handover', style: 'td', margin: [0, 2, 0, 10] }
  const titleRow: TableCell[] = [{ text: title, style: 'h2', colSpan: widths.length, margin: [-4, 8, 0, 1] }, ...widths.slice(1).map(() => ({}))]
  return {
    table: { headerRows: 2, keepWithHeaderRows: 1, widths, dontBreakRows: true, body: [titleRow, head, ...rows] },
    layout: 'handover-titled',
    style: 'td',
    margin: [0, 0, 0, 8],
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
