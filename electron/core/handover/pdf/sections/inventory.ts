import type { Content, ContentText, TableCell } from 'pdfmake/interfaces'
import type { InventoryEntry } from '@shared/contract/handover'
import type { HandoverData } from '../../data'
import { SYSTEM_TITLES } from '../../inventory/defaults'
import { needsOwner } from '../../../sprint/gates'
import { COLORS, heading, keepWithNext, link, orDash, table } from '../theme'

function twoFactor(v: string): ContentText {
  const color = v === 'on' ? COLORS.pass : v === 'off' ? COLORS.fail : COLORS.muted
  return { text: v === 'on' ? '2FA on' : v === 'off' ? '2FA OFF' : '2FA unknown', color, bold: v !== 'unknown', fontSize: 7.5 }
}

/** A row that records anything beyond the standard purpose. */
const recorded = (i: InventoryEntry) => !!(i.name || i.loginUrl || i.ownerAccount || i.admins.length || i.recovery || i.credentialLocation || i.nextRotation || i.notes)

/**
 * The access inventory: one row per system in use; where each credential lives, never the
 * credential; secrets to rotate now flagged on the system they belong to; systems nobody
 * recorded listed in one line rather than as rows of dashes.
 */
export function inventory(d: HandoverData): Content[] {
  const rotateFor = (i: InventoryEntry) => d.exposures.filter((x) => !x.rotation && x.system === i.system && (i.system !== 'custom' || x.provider === i.name))
  const used = d.inventory.filter(recorded)
  const blank = d.inventory.filter((i) => !recorded(i))
  const rows: TableCell[][] = used.map((i) => {
    const rotate = rotateFor(i)
    const noOwner = !i.ownerAccount && needsOwner(i)
    return [
      { stack: [{ text: `${SYSTEM_TITLES[i.system]}${i.name ? ` \u2014 ${i.name}` : ''}`, bold: true }, { text: i.purpose, color: COLORS.muted, fontSize: 7 }] },
      {
        stack: [
          i.loginUrl ? link(i.loginUrl, i.loginUrl, { fontSize: 7.5 }) : { text: 'login not recorded', color: COLORS.muted, fontSize: 7.5 },
          { text: [{ text: 'Owner: ', color: COLORS.muted }, noOwner ? { text: 'NOBODY RECORDED', bold: true, color: COLORS.fail } : orDash(i.ownerAccount)], fontSize: 7.5 },
        ],
      },
      { stack: [{ text: i.admins.length ? i.admins.join('\n') : '—', fontSize: 7.5 }, twoFactor(i.twoFactor)] },
      {
        stack: [
          ...rotate.map((x) => ({ text: [{ text: 'ROTATE NOW: ', bold: true, color: COLORS.fail }, `${x.name} (${x.where})`], margin: [0, 0, 0, 2] as [number, number, number, number] })),
          { text: `Recovery: ${orDash(i.recovery)}` },
          { text: `Credential: ${orDash(i.credentialLocation)}`, color: COLORS.muted },
          { text: `Rotation: ${orDash([i.rotatedBy, i.nextRotation && `next ${i.nextRotation}`].filter(Boolean).join(', '))}`, color: COLORS.muted },
          ...(i.notes ? [{ text: i.notes, color: COLORS.muted, italics: true }] : []),
        ],
        fontSize: 7.5,
      },
    ]
  })
  return [
    ...keepWithNext([
      heading('Access inventory', { id: 'inventory' }),
      {
        text: 'Every system the product depends on, who owns it, and how to get back in. Credentials are never written here: the last column says where each one is kept, and flags any secret that was exposed and must be rotated now.',
        style: 'lead',
      },
    ]),
    table([118, 118, 125, '*'], ['System', 'Login and owner', 'Admins (role) and 2FA', 'Recovery, credential, rotation'], rows, 'No systems recorded.'),
    blank.length ? { text: `Not in use, or not recorded yet: ${blank.map((i) => SYSTEM_TITLES[i.system]).join(', ')}.`, style: 'note', margin: [0, 0, 0, 8] } : '',
  ]
}
