import type { Content, TableCell } from 'pdfmake/interfaces'
import type { HandoverData } from '../../data'
import { COLORS, heading, statusCell, sub, table } from '../theme'

/** One redirect chain drawn as boxes joined by arrows (the "simple diagram"). */
function chainDiagram(steps: string[]): Content {
  const cells: TableCell[] = []
  const widths: (string | number)[] = []
  steps.slice(0, 4).forEach((s, i) => {
    if (i) {
      cells.push({ text: '\u2192', fontSize: 14, color: COLORS.accent, alignment: 'center', margin: [0, 2, 0, 0] })
      widths.push(14)
    }
    const m = /^(\d{3}|\d+ hops?) (.*)$/.exec(s)
    cells.push({
      stack: [{ text: m ? m[2] : s, fontSize: 7.5 }, m ? { text: m[1], fontSize: 7, bold: true, color: COLORS.muted } : ''],
      fillColor: COLORS.band,
      margin: [4, 3, 4, 3],
    })
    widths.push('*')
  })
  return { table: { widths, body: [cells] }, layout: 'noBorders', margin: [0, 0, 0, 6] }
}

/** DNS map (declared hosts and their answers) and redirect map (chains and summaries). */
export function maps(d: HandoverData): Content[] {
  const dnsRows: TableCell[][] = d.dns.map((h) => [{ text: h.host, bold: h.role === 'apex' }, h.role, { text: h.answers.join('\n') || '—', style: 'mono' }, statusCell(h.status), h.summary])
  return [
    heading('DNS and redirect map'),
    { text: `Which name points where. Hosts are the ones declared for ${d.domainUnicode}; answers are what the authoritative servers returned at handover.`, style: 'lead' },
    sub('DNS map'),
    table([110, 45, 100, 35, '*'], ['Host', 'Role', 'Answers', 'Status', 'Check summary'], dnsRows, 'No hosts declared.'),
    sub('Redirect map'),
    ...(d.redirects.length ? d.redirects.map((c) => chainDiagram(c.steps)) : [{ text: 'No redirect chains were recorded by the checks.', style: 'note' } as Content]),
    // The diagram already shows what passes; the table lists what needs attention.
    ...(d.redirectSummaries.length ? [sub('Redirect findings')] : []),
    table(
      ['auto', 'auto', 35, '*'],
      ['Check', 'Target', 'Status', 'Summary'],
      d.redirectSummaries.filter((r) => r.status !== 'pass' || !d.redirects.length).map((r) => [r.checkId, r.target, statusCell(r.status), r.summary]),
      d.redirectSummaries.length ? 'Every redirect check passes.' : 'No redirect checks have run yet.',
    ),
  ]
}
