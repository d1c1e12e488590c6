import type { Content } from 'pdfmake/interfaces'
import type { HandoverData } from '../../data'
import { COLORS, heading, statusCell, stamp, sub, table } from '../theme'
import { signerLines } from './signer'

/** Risk log (open items with how to fix them) and what was deliberately out of scope. */
export function riskLog(d: HandoverData): Content[] {
  const skipped = d.results.filter((r) => r.status === 'skip')
  return [
    heading('Risk log and out of scope'),
    sub('Open risks'),
    table([35, 110, '*'], ['Status', 'Check', 'What it means and how to fix it'], d.risks.map((r) => [statusCell(r.status), `${r.title}\n${r.target}`, { stack: [r.summary, r.fix ? { text: r.fix, color: '#5f6b7a', fontSize: 7.5, margin: [0, 2, 0, 0] } : ''] }]), 'No open risks.'),
    sub('Notes from the sprint'),
    table(['auto', '*'], ['Item', 'Note'], d.riskNotes.map((n) => [n.itemId, n.note]), 'No risk notes recorded.'),
    sub('Out of scope'),
    table(['auto', '*', 'auto'], ['Item', 'Why', 'Until'], [
      ...d.waivers.map((w) => [w.itemId, `${w.reason} (accepted by ${w.acceptedBy})`, w.expiresAt.slice(0, 10)]),
      ...skipped.map((r) => [`${r.checkId} · ${r.target}`, r.summary, '']),
    ], 'Nothing was left out of scope.'),
  ]
}

/** Every latest check result. */
export function results(d: HandoverData): Content[] {
  return [
    heading('Check results'),
    { text: d.results.length ? 'The latest result of every check at handover. The evidence appendix holds what each check saw.' : 'No checks run yet.', style: 'lead' },
    table([90, 90, 35, '*', 55], ['Check', 'Target', 'Status', 'Summary', 'When'], d.results.map((r) => [{ text: r.checkId, style: 'mono' }, r.target, statusCell(r.status), r.summary, { text: stamp(r.finishedAt), fontSize: 7 }]), 'No checks run yet.'),
  ]
}

/** Evidence appendix: the hash chain head and every item's hash. */
export function evidence(d: HandoverData): Content[] {
  const chain = d.chain.ok
    ? `The evidence chain holds ${d.chain.count} items and verifies intact${d.chain.head ? `; its head hash is ${d.chain.head}` : ''}. evidence.json in the bundle holds every item.`
    : `The evidence chain did NOT verify: ${d.chain.reason ?? 'unknown reason'}.`
  return [
    heading('Evidence appendix'),
    { text: chain, style: 'lead' },
    // One paragraph per item, not a table: an engagement holds thousands of items, and pdfmake
    // measures every table cell twice (docs/performance.md, pdf).
    d.evidence.length
      ? d.evidence.map((e) => ({
          text: [{ text: `#${e.seq}  `, bold: true }, { text: `${e.kind}  `, color: COLORS.muted }, `${e.label}\n`, { text: e.hash, style: 'mono', fontSize: 6, color: COLORS.muted }],
          fontSize: 7.5,
          margin: [0, 0, 0, 3] as [number, number, number, number],
        }))
      : { text: 'No evidence recorded yet.', style: 'note' },
  ]
}

/** The visible signature block on the last page. */
export function signatureBlock(d: HandoverData): Content[] {
  return [
    { text: 'Signature', style: 'h1', tocItem: true, pageBreak: 'before' },
    {
      table: {
        widths: ['*'],
        body: [
          [
            {
              stack: [
                ...signerLines(d),
                { text: `Date: ${stamp(d.generatedAt)}`, margin: [0, 0, 0, 8] },
                {
                  text: 'This document carries an embedded PDF signature covering every byte. Any change, even of one character, makes it invalid. The certificate is self-issued: the key fingerprint above, compared with the one your consultant gave you, is what ties it to them.',
                  fontSize: 8,
                  color: '#5f6b7a',
                  lineHeight: 1.2,
                },
              ],
              margin: [12, 12, 12, 12],
            },
          ],
        ],
      },
      layout: { hLineWidth: () => 1, vLineWidth: () => 1, hLineColor: () => '#1d4ed8', vLineColor: () => '#1d4ed8' },
    },
    sub('Founder acceptance'),
    { text: 'The founder accepts the bundle with their own key: a signed statement naming them, the date and this manifest, kept beside the bundle as acceptance-*.txt, .sig and .pub.pem (handover countersign, or openssl alone as VERIFY.txt shows). handover verify names who accepted, when, and with which key.', style: 'lead' },
  ]
}
