import type { Content, TableCell } from 'pdfmake/interfaces'
import type { HandoverData } from '../../data'
import type { ItemView } from '../../facts/types'
import { COLORS, SEVERITY_LABELS, clip, day, heading, itemStatusCell, orDash, table } from '../theme'
import { sprintState } from './sprint-state'

function tile(label: string, value: number, color: string): Content {
  return {
    table: { widths: ['*'], body: [[{ stack: [{ text: String(value), fontSize: 20, bold: true, color }, { text: label, fontSize: 7.5, color: COLORS.muted }], margin: [8, 5, 8, 5], fillColor: COLORS.band }]] },
    layout: 'noBorders',
  }
}

/** What the checks found for an item, as short lines (or the gate's reason, or "not done yet"). */
export function foundLines(i: ItemView, max = 3): Content {
  if (i.gateSummary && i.status !== 'waived' && i.status !== 'pass') return { text: i.gateSummary }
  if (!i.findings.length) return { text: i.manual ? 'A person has not recorded this yet.' : i.status === 'todo' ? 'Not checked yet.' : '—', color: COLORS.muted }
  const lines = i.findings.slice(0, max).map((f) => ({ text: f.summary, margin: [0, 0, 0, 2] as [number, number, number, number] }))
  return { stack: i.findings.length > max ? [...lines, { text: `…and ${i.findings.length - max} more`, color: COLORS.muted }] : lines }
}

const ownerCell = (i: ItemView): TableCell =>
  i.owner ? { stack: [i.owner, i.ownerFrom === 'inventory' ? { text: 'owner of the system', fontSize: 6.5, color: COLORS.muted } : ''] } : { text: 'nobody named', color: COLORS.fail }

/** The executive summary: the verdict, every open launch blocker, what to rotate, other risks, what was fixed and accepted. */
export function summary(d: HandoverData): Content[] {
  const open = d.items.filter((i) => i.rank !== null)
  const count = (pred: (i: ItemView) => boolean) => d.items.filter(pred).length
  const blockers = d.verdict.launchBlockers
  const blocking = new Set(blockers.map((i) => i.itemId))
  const others = open.filter((i) => !blocking.has(i.itemId))
  const waived = d.items.filter((i) => i.status === 'waived')
  const rotate = d.exposures.filter((x) => !x.rotation)
  const checks = d.results.length
  return [
    heading('Executive summary', { newPage: true, id: 'summary' }),
    {
      table: {
        widths: ['*'],
        body: [[{ stack: [{ text: d.verdict.headline, fontSize: 16, bold: true, color: d.verdict.ready ? COLORS.pass : COLORS.fail }, { text: sprintState(d), fontSize: 9, color: COLORS.muted, margin: [0, 3, 0, 0] }], fillColor: COLORS.band, margin: [10, 8, 10, 8] }]],
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 8],
    },
    {
      text: checks
        ? `${checks} live checks ran against ${d.domainUnicode}; the plan has ${d.items.length} items, listed below in order of business impact (severity, then status, then the consultant's fix order).`
        : 'No checks have been run for this engagement yet, so the findings below are incomplete. Run the audit before handing over.',
      style: 'lead',
    },
    {
      columns: [
        tile('launch blockers open', blockers.length, blockers.length ? COLORS.fail : COLORS.pass),
        tile('failing or blocked', count((i) => i.status === 'fail' || i.status === 'blocked'), COLORS.fail),
        tile('need attention (warnings)', count((i) => i.status === 'attention'), COLORS.warn),
        tile('passing', count((i) => i.status === 'pass'), COLORS.pass),
        tile('accepted risks', waived.length, COLORS.skip),
      ],
      columnGap: 6,
      margin: [0, 0, 0, 6],
    },
    table(
      [14, '*', 78, 190],
      ['#', 'What and why it matters', 'Owner', 'What the checks found'],
      blockers.map((i) => [String(i.rank ?? ''), { stack: [{ text: i.title, bold: true }, { text: i.why, color: COLORS.muted, fontSize: 7.5 }] }, ownerCell(i), foundLines(i)]),
      'No launch blocker is open.',
      `Launch blockers open (${blockers.length})`,
    ),
    rotate.length
      ? table(
          ['auto', '*', 'auto'],
          ['Secret', 'Where it was exposed', 'Rotate at'],
          rotate.map((x) => [{ text: x.name, bold: true }, `${x.where}${x.stillExposed ? ' (still exposed)' : ' (since fixed, but the value is known)'}; first seen ${day(x.firstSeen)}`, x.provider]),
          '',
          `Rotate now: ${rotate.length} exposed secret${rotate.length === 1 ? '' : 's'}`,
        )
      : '',
    table(
      [14, 52, 62, '*'],
      ['#', 'Status', 'Severity', 'Item and the first finding (details in "The plan at handover")'],
      others.map((i) => [String(i.rank ?? ''), itemStatusCell(i.status), { text: SEVERITY_LABELS[i.severity], fontSize: 7.5 }, { text: [{ text: i.title, bold: true }, i.findings[0] ? { text: ` \u2014 ${clip(i.findings[0].summary, 110)}`, color: COLORS.muted } : i.manual && i.status === 'todo' ? { text: ' \u2014 not done yet', color: COLORS.muted } : ''] }]),
      'No other open risks.',
      `Other open risks, in fix order (${others.length})`,
    ),
    table(
      [110, '*', '*'],
      ['Check', 'Found before', 'Now'],
      d.fixed.map((f) => [{ stack: [{ text: f.title, bold: true }, { text: f.target, fontSize: 7, color: COLORS.muted }] }, { text: `${f.before.summary} (${day(f.before.at)})`, color: COLORS.fail }, f.now.summary]),
      'Nothing that failed earlier passes now.',
      `Fixed during the sprint (${d.fixed.length})`,
    ),
    { text: 'Fixed means a check that failed or could not run earlier passes now. A failure that now only warns is not counted as fixed, nor is a timing that varied between runs.', style: 'note', margin: [0, -4, 0, 6] },
    table(
      ['*', '*', 'auto', 'auto'],
      ['Item and what the checks say', 'Why it is accepted', 'Accepted by', 'Until'],
      waived.map((i): TableCell[] => [{ stack: [{ text: i.title, bold: true }, { stack: [foundLines(i, 2)], fontSize: 7.5, color: COLORS.muted }] }, orDash(i.waiver?.reason), orDash(i.waiver?.acceptedBy), day(i.waiver?.expiresAt)]),
      'No risk was accepted: nothing is waived.',
      `Accepted risks (${waived.length})`,
    ),
  ]
}
