import type { Content } from 'pdfmake/interfaces'
import type { HandoverData } from '../../data'
import { COLORS, SEVERITY_LABELS, day, heading, itemStatusCell, keepWithNext, orDash, statusCell, stamp, sub, table } from '../theme'
import { signerLines } from './signer'
import { foundLines } from './summary'

const bytes = (n: number) => (n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`)

/**
 * The whole plan at handover in impact order (open risks in fix order with how to fix each,
 * then what passes, then accepted risks with their waivers), manual items with who decided and
 * the files attached (shipped in the bundle), and checks that did not apply.
 */
export function riskLog(d: HandoverData): Content[] {
  const waivedChecks = new Set(d.results.filter((r) => r.waived).map((r) => `${r.checkId}\n${r.target}`))
  const skipped = d.results.filter((r) => r.status === 'skip' && !waivedChecks.has(`${r.checkId}\n${r.target}`))
  // One block per open or accepted item, one line per passing item: paragraphs, not a table
  // (pdfmake measures every table cell twice; docs/performance.md, pdf).
  const blocks: Content[] = d.items
    .filter((i) => i.status !== 'pass')
    .map((i) => ({
      stack: [
        {
          text: [
            { text: i.rank === null ? '' : `${i.rank}  `, bold: true },
            itemStatusCell(i.status),
            '  ',
            { text: i.title, bold: true },
            { text: `  \u00b7 ${SEVERITY_LABELS[i.severity]} \u00b7 owner: ${orDash(i.owner)}`, color: COLORS.muted, fontSize: 7.5 },
          ],
        },
        { text: i.why, color: COLORS.muted, fontSize: 7.5 },
        ...(i.status === 'waived' && i.waiver ? [{ text: `Accepted by ${i.waiver.acceptedBy} until ${day(i.waiver.expiresAt)}: ${i.waiver.reason}`, fontSize: 8 }] : []),
        ...(i.note ? [{ text: `Note: ${i.note}`, fontSize: 8, italics: true }] : []),
        { stack: [foundLines(i, 3)], fontSize: 8, margin: [10, 2, 0, 0] as [number, number, number, number] },
        ...(i.rank !== null ? i.fixes.slice(0, 2).map((f) => ({ text: `Fix: ${f}`, color: COLORS.muted, fontSize: 7.5, margin: [10, 1, 0, 0] as [number, number, number, number] })) : []),
      ],
      unbreakable: true,
      margin: [0, 0, 0, 7] as [number, number, number, number],
    }))
  const passing = d.items.filter((i) => i.status === 'pass')
  const passLines: Content = passing.length
    ? { text: passing.flatMap((i) => [itemStatusCell('pass'), `  ${i.title}`, { text: `  \u00b7 ${SEVERITY_LABELS[i.severity]}\n`, color: COLORS.muted, fontSize: 7.5 }]), fontSize: 8.5, lineHeight: 1.35, margin: [0, 2, 0, 8] }
    : ''
  return [
    ...keepWithNext([
      heading('The plan at handover', { id: 'plan' }),
      { text: 'Every item of the sprint plan, most important first: open risks in fix order (severity, then status, then the consultant\u2019s order), then what passes, then the risks accepted on purpose. "Attention" means the checks pass with warnings: not a pass.', style: 'lead' },
    ]),
    ...(blocks.length ? blocks : [{ text: 'No plan items.', style: 'note' } as Content]),
    passLines,
    table(
      ['*', 52, 'auto', '*'],
      ['Item', 'Verdict', 'By, when', 'Note and files (in this bundle)'],
      d.manual.map((m) => [
        { text: m.title, bold: true },
        itemStatusCell(m.status),
        { text: m.by ? `${m.by}\n${day(m.at)}` : '—', fontSize: 7.5 },
        { stack: [m.note || (m.status === 'todo' ? { text: 'Not done yet.', color: COLORS.fail } : '—'), ...m.attachments.map((a) => ({ text: `${a.path} (${a.mime}, ${bytes(a.size)})`, style: 'mono', fontSize: 6.8 }))], fontSize: 7.5 },
      ]),
      'The plan has no manual items.',
      'Checked by a person',
    ),
    table(['auto', '*'], ['Check', 'Why it did not run'], skipped.map((r) => [`${r.title}\n${r.target}`, r.summary]), 'Every check applied.', 'Did not apply'),
  ]
}

/** Every latest check result, worst first and grouped by the items they belong to. */
export function results(d: HandoverData): Content[] {
  return [
    ...keepWithNext([
      heading('Check results', { id: 'results' }),
      { text: d.results.length ? 'The latest result of every check at handover, worst first. Results of accepted (waived) items come last, marked. The evidence appendix holds what each check saw.' : 'No checks run yet.', style: 'lead' },
    ]),
    table(
      [95, 85, 38, '*', 52],
      ['Check', 'Target', 'Status', 'Summary', 'When'],
      d.results.map((r) => [{ text: r.checkId, style: 'mono' }, { text: r.target, fontSize: 7.5 }, r.waived ? { stack: [statusCell(r.status), { text: 'waived', fontSize: 6.5, color: COLORS.muted }] } : statusCell(r.status), r.summary, { text: stamp(r.finishedAt), fontSize: 7 }]),
      'No checks run yet.',
    ),
  ]
}

/** Evidence appendix: the hash chain head and every item's hash. */
export function evidence(d: HandoverData): Content[] {
  const chain = d.chain.ok
    ? `The evidence chain holds ${d.chain.count} items and verifies intact${d.chain.head ? `; its head hash is ${d.chain.head}` : ''}. evidence.json in the bundle holds every item.`
    : `The evidence chain did NOT verify: ${d.chain.reason ?? 'unknown reason'}.`
  return [
    heading('Evidence appendix', { id: 'evidence' }),
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

/** The visible signature block, kept together on the last page. */
export function signatureBlock(d: HandoverData): Content[] {
  return [
    {
      stack: [
        { text: 'Signature', style: 'h1', tocItem: true, id: 'signature', margin: [0, 16, 0, 10] },
        {
          table: {
            widths: ['*'],
            body: [
              [
                {
                  stack: [
                    ...signerLines(d),
                    { text: `Date: ${stamp(d.generatedAt)}`, margin: [0, 0, 0, 8] },
                    { text: 'PDF signing certificate fingerprint, SHA-256:', fontSize: 8, color: COLORS.muted },
                    { text: d.signer.certFingerprint ?? '—', style: 'mono', margin: [0, 0, 0, 8] },
                    {
                      text: 'This document carries an embedded PDF signature covering every byte. Any change, even of one character, makes it invalid. The certificate is self-issued: the key fingerprint above, compared with the one your consultant gave you, is what ties it to them.',
                      fontSize: 8,
                      color: COLORS.muted,
                      lineHeight: 1.2,
                    },
                  ],
                  margin: [12, 12, 12, 12],
                },
              ],
            ],
          },
          layout: { hLineWidth: () => 1, vLineWidth: () => 1, hLineColor: () => COLORS.accent, vLineColor: () => COLORS.accent },
        },
        sub('Founder acceptance'),
        { text: 'The founder accepts the bundle with their own key: a signed statement naming them, the date and this manifest, kept beside the bundle as acceptance-*.txt, .sig and .pub.pem (handover countersign, or openssl alone as VERIFY.txt shows). handover verify names who accepted, when, and with which key.', style: 'lead' },
      ],
      unbreakable: true,
    },
  ]
}
