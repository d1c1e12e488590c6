import type { Content } from 'pdfmake/interfaces'
import { STAGE_LABELS, VERTICAL_LABELS } from '@shared/schemas/engagement'
import type { HandoverData } from '../../data'
import { COLORS, orDash, stamp } from '../theme'
import { consultantRows, fingerprintBox } from './signer'
import { sprintState } from './sprint-state'

/** The cover: who, what domain (Unicode and ASCII forms), when, by whom; then the contents. */
export function cover(d: HandoverData): Content[] {
  const e = d.engagement
  const idn = d.domainUnicode !== e.domain
  const row = (label: string, value: string): Content => ({
    columns: [
      { width: 110, text: label, color: COLORS.muted, fontSize: 9.5 },
      { width: '*', text: value, fontSize: 10.5 },
    ],
    margin: [0, 0, 0, 6],
  })
  return [
    { canvas: [{ type: 'rect', x: 0, y: 0, w: 495, h: 6, color: COLORS.accent }], margin: [0, 10, 0, 22] },
    { text: 'PRODUCTION HANDOVER', fontSize: 10, bold: true, color: COLORS.accent, characterSpacing: 2 },
    { text: e.clientName, fontSize: 30, bold: true, margin: [0, 6, 0, 4] },
    { text: d.domainUnicode, fontSize: 18, color: COLORS.ink, margin: [0, 0, 0, 2] },
    idn ? { text: `ASCII form: ${e.domain}`, style: 'mono', color: COLORS.muted, margin: [0, 0, 0, 20] } : { text: '', margin: [0, 0, 0, 20] },
    row('Founder', orDash([e.founderName, e.founderEmail && `<${e.founderEmail}>`].filter(Boolean).join(' '))),
    row('Stage', `${STAGE_LABELS[e.stage]} · ${VERTICAL_LABELS[e.vertical]}`),
    row('Verdict', d.verdict.headline),
    row('Sprint', sprintState(d)),
    ...consultantRows(d, row),
    row('Hosts', e.hosts.map((h) => h.name).join(', ')),
    row('Generated', stamp(d.generatedAt)),
    fingerprintBox(d),
    // The contents share the cover page: a page of its own would be mostly blank.
    { text: 'Contents', style: 'h2', margin: [0, 22, 0, 4] },
    // outlines: every contents entry is also a bookmark in the PDF reader's sidebar.
    { toc: { numberStyle: { fontSize: 9.5 }, textStyle: { fontSize: 9.5 }, outlines: true } as never },
  ]
}
