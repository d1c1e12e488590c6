import type { Content } from 'pdfmake/interfaces'
import { STAGE_LABELS, VERTICAL_LABELS } from '@shared/schemas/engagement'
import type { HandoverData } from '../../data'
import { COLORS, day, orDash, stamp } from '../theme'
import { consultantRows, fingerprintBox } from './signer'

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
    { canvas: [{ type: 'rect', x: 0, y: 0, w: 495, h: 6, color: COLORS.accent }], margin: [0, 40, 0, 28] },
    { text: 'PRODUCTION HANDOVER', fontSize: 10, bold: true, color: COLORS.accent, characterSpacing: 2 },
    { text: e.clientName, fontSize: 30, bold: true, margin: [0, 6, 0, 4] },
    { text: d.domainUnicode, fontSize: 18, color: COLORS.ink, margin: [0, 0, 0, 2] },
    idn ? { text: `ASCII form: ${e.domain}`, style: 'mono', color: COLORS.muted, margin: [0, 0, 0, 30] } : { text: '', margin: [0, 0, 0, 30] },
    row('Founder', orDash([e.founderName, e.founderEmail && `<${e.founderEmail}>`].filter(Boolean).join(' '))),
    row('Stage', `${STAGE_LABELS[e.stage]} · ${VERTICAL_LABELS[e.vertical]}`),
    row('Sprint', d.sprint ? `${day(d.sprint.startedAt)} → ${day(d.sprint.finishedAt ?? d.sprint.endsAt)}` : 'no sprint recorded'),
    ...consultantRows(d, row),
    row('Hosts', e.hosts.map((h) => h.name).join(', ')),
    row('Generated', stamp(d.generatedAt)),
    fingerprintBox(d),
    { text: 'Contents', style: 'h1', pageBreak: 'before' },
    { toc: { numberStyle: { fontSize: 10 }, textStyle: { fontSize: 10 } } },
  ]
}
