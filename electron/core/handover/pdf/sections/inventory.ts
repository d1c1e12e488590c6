import type { Content, ContentText, TableCell } from 'pdfmake/interfaces'
import type { HandoverData } from '../../data'
import { SYSTEM_TITLES } from '../../inventory/defaults'
import { COLORS, heading, orDash, table } from '../theme'

function twoFactor(v: string): ContentText {
  const color = v === 'on' ? COLORS.pass : v === 'off' ? COLORS.fail : COLORS.muted
  return { text: v === 'on' ? '2FA on' : v === 'off' ? '2FA OFF' : '2FA unknown', color, bold: v !== 'unknown', fontSize: 7.5 }
}

/** The access inventory: one row per system; where each credential lives, never the credential. */
export function inventory(d: HandoverData): Content[] {
  const rows: TableCell[][] = d.inventory.map((i) => [
    { stack: [{ text: `${SYSTEM_TITLES[i.system]}${i.name ? ` \u2014 ${i.name}` : ''}`, bold: true }, { text: i.purpose, color: COLORS.muted, fontSize: 7 }] },
    { stack: [{ text: orDash(i.loginUrl), color: i.loginUrl ? COLORS.accent : COLORS.muted, fontSize: 7.5 }, { text: `Owner: ${orDash(i.ownerAccount)}`, fontSize: 7.5 }] },
    { stack: [{ text: i.admins.length ? i.admins.join('\n') : '—', fontSize: 7.5 }, twoFactor(i.twoFactor)] },
    {
      stack: [
        { text: `Recovery: ${orDash(i.recovery)}` },
        { text: `Credential: ${orDash(i.credentialLocation)}`, color: COLORS.muted },
        { text: `Rotation: ${orDash([i.rotatedBy, i.nextRotation && `next ${i.nextRotation}`].filter(Boolean).join(', '))}`, color: COLORS.muted },
      ],
      fontSize: 7.5,
    },
  ])
  return [
    heading('Access inventory'),
    {
      text: 'Every system the product depends on, who owns it, and how to get back in. Credentials are never written here: the last column says where each one is kept. A dash means nobody has recorded it yet \u2014 worth filling in.',
      style: 'lead',
    },
    table([135, 118, 118, '*'], ['System', 'Login and owner', 'Admins and 2FA', 'Recovery, credential, rotation'], rows, 'No systems recorded.'),
  ]
}
