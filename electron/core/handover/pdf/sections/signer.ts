import type { Content } from 'pdfmake/interfaces'
import { FINGERPRINT_COMMAND } from '@shared/fingerprint'
import type { HandoverData } from '../../data'
import { COLORS, orDash } from '../theme'

/** "Name <email>", then the organisation and website: the consultant as their identity names them. */
function consultantLines(d: HandoverData): string[] {
  const s = d.signer
  return [orDash([s.name, s.email && `<${s.email}>`].filter(Boolean).join(' ')), [s.organisation, s.website].filter(Boolean).join(' · ')].filter(Boolean)
}

/** The cover's consultant block, as rows like the cover's others (`row(label, value)`). */
export function consultantRows(d: HandoverData, row: (label: string, value: string) => Content): Content[] {
  const [who, org] = consultantLines(d)
  return [row('Consultant', org ? `${who}\n${org}` : who)]
}

/**
 * The cover's trust box: the signing key's fingerprint in the one format, large enough to read
 * aloud, and the command that prints the same from signer.pub.pem. `verify` reads this
 * fingerprint back from the page and compares it with the bundle's key.
 */
export function fingerprintBox(d: HandoverData): Content {
  return {
    margin: [0, 16, 0, 0],
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: 'How to trust this document', bold: true, fontSize: 9.5, margin: [0, 0, 0, 4] },
              {
                text: 'This PDF carries an embedded digital signature over the whole file, and the bundle it came in lists a SHA-256 hash of every file in a manifest signed with the key below. VERIFY.txt in the bundle gives the commands for Linux, macOS and Windows. Compare this fingerprint with the one your consultant gave you another way (in person or on a call):',
                fontSize: 8.5,
                color: COLORS.muted,
                lineHeight: 1.2,
              },
              { text: 'Signing key fingerprint (SHA-256 of the public key)', fontSize: 8, color: COLORS.muted, margin: [0, 6, 0, 2] },
              { text: d.signer.fingerprint, style: 'mono', fontSize: 10 },
              { text: [{ text: 'Prints the same: ', color: COLORS.muted }, { text: FINGERPRINT_COMMAND, style: 'mono' }], fontSize: 7.5, margin: [0, 4, 0, 0] },
            ],
            fillColor: COLORS.band,
            margin: [8, 8, 8, 8],
          },
        ],
      ],
    },
    layout: 'noBorders',
  }
}

/** The signature block's signer lines: who signed, and the key fingerprint founders compare. */
export function signerLines(d: HandoverData): Content[] {
  const [who, org] = consultantLines(d)
  return [
    { text: `Signed by ${who}`, bold: true, fontSize: 11 },
    ...(org ? [{ text: org, fontSize: 9.5, margin: [0, 2, 0, 0] as [number, number, number, number] }] : []),
    { text: 'Signing key fingerprint (SHA-256 of the public key):', fontSize: 8, color: COLORS.muted, margin: [0, 8, 0, 0] },
    { text: d.signer.fingerprint, style: 'mono', margin: [0, 0, 0, 6] },
  ]
}
