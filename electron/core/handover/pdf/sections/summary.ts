import type { Content } from 'pdfmake/interfaces'
import type { HandoverData } from '../../data'
import { COLORS, heading, statusCell, sub, table, day } from '../theme'

function tile(label: string, value: number, color: string): Content {
  return {
    table: { widths: ['*'], body: [[{ stack: [{ text: String(value), fontSize: 22, bold: true, color }, { text: label, fontSize: 8, color: COLORS.muted }], margin: [8, 6, 8, 6], fillColor: COLORS.band }]] },
    layout: 'noBorders',
  }
}

/** Executive summary: the numbers, what was fixed, what is left, what was consciously waived. */
export function summary(d: HandoverData): Content[] {
  const count = (s: string) => d.results.filter((r) => r.status === s).length
  const noChecks = d.results.length === 0
  return [
    heading('Executive summary'),
    {
      text: noChecks
        ? 'No checks have been run for this engagement yet, so this summary lists no findings. Run the audit before handing over.'
        : `${d.results.length} live checks ran against ${d.domainUnicode}. ${d.fixed.length} blocker${d.fixed.length === 1 ? ' was' : 's were'} fixed during the sprint; ${d.risks.length} item${d.risks.length === 1 ? '' : 's'} remain${d.risks.length === 1 ? 's' : ''} open and ${d.waivers.length} ${d.waivers.length === 1 ? 'was' : 'were'} waived on purpose.`,
      style: 'lead',
    },
    {
      columns: [tile('passing', count('pass'), COLORS.pass), tile('warnings', count('warn'), COLORS.warn), tile('failing', count('fail'), COLORS.fail), tile('could not run', count('error'), COLORS.error), tile('fixed in sprint', d.fixed.length, COLORS.accent)],
      columnGap: 8,
      margin: [0, 0, 0, 10],
    },
    sub('Blockers fixed'),
    table(['auto', '*', 'auto'], ['Check', 'Now', 'Status'], d.fixed.map((r) => [r.checkId + ' · ' + r.target, r.summary, statusCell(r.status)]), 'No blocker was recorded as fixed (a fix shows here when a check failed earlier and passes now).'),
    sub('Risks left'),
    table(['auto', 'auto', '*'], ['Status', 'Check', 'What it means'], d.risks.slice(0, 8).map((r) => [statusCell(r.status), `${r.title}\n${r.target}`, r.summary]), 'No open risks.'),
    d.risks.length > 8 ? { text: `…and ${d.risks.length - 8} more in the risk log.`, style: 'note' } : '',
    sub('Waivers'),
    table(['auto', '*', 'auto', 'auto'], ['Item', 'Reason', 'Accepted by', 'Expires'], d.waivers.map((w) => [w.itemId, w.reason, w.acceptedBy, day(w.expiresAt)]), 'No waivers.'),
  ]
}
