import { Fragment } from 'react'
import { SYSTEM_TITLES, type InventoryEntry } from '@shared/contract/handover'
import { useActions } from '../../hooks/useStore'
import { fullDate } from '../../lib/format'
import { groupBySystem, rowRotation, rowTitle, SOURCE_LABELS } from '../../store/inventoryRows'
import { Icon } from '../../components/Icon'
import { TwoFactor } from './TwoFactor'

const dash = <span className="muted">—</span>

/** The inventory as the PDF orders it: one row per system account, grouped by kind of system. */
export function InventoryTable({ items }: { items: readonly InventoryEntry[] }) {
  return (
    <div className="card table-card">
      <table className="table inv-table" aria-label="Access inventory">
        <colgroup>
          <col className="inv-col-system" />
          <col className="inv-col-owner" />
          <col className="inv-col-admins" />
          <col className="inv-col-2fa" />
          <col className="inv-col-recovery" />
          <col className="inv-col-rotation" />
          <col className="inv-col-actions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">System</th>
            <th scope="col">Owner and login</th>
            <th scope="col">Admins</th>
            <th scope="col">2FA</th>
            <th scope="col">Recovery and credential</th>
            <th scope="col">Next rotation</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        {groupBySystem(items).map((g) => (
          <tbody key={g.system} className="inv-group">
            {g.rows.map((e) => (
              <Row key={e.id} e={e} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  )
}

function Row({ e }: { e: InventoryEntry }) {
  const { openInventoryRow, askRemoveInventoryRow } = useActions()
  const title = rowTitle(e)
  const rot = rowRotation(e)
  return (
    <tr data-testid="inventory-row" data-system={e.system} data-id={e.id}>
      <th scope="row" className="inv-system">
        <span className="inv-kind">{SYSTEM_TITLES[e.system]}</span>
        <span className={e.name ? 'inv-name' : 'inv-name muted'}>{e.name || 'Not recorded yet'}</span>
        <span className="inv-source" title={`Last changed ${fullDate(e.updatedAt)}`}>
          {SOURCE_LABELS[e.source]}
        </span>
      </th>
      <td>
        {e.ownerAccount ? <Breakable text={e.ownerAccount} /> : dash}
        {e.loginUrl && (
          <span className="inv-sub mono" title={e.loginUrl}>
            <Breakable text={hostOf(e.loginUrl)} host />
          </span>
        )}
      </td>
      <td>
        {e.admins.length ? (
          <ul className="inv-admins">
            {e.admins.map((x) => (
              <li key={x}>
                <Breakable text={x} />
              </li>
            ))}
          </ul>
        ) : (
          dash
        )}
      </td>
      <td>
        <TwoFactor state={e.twoFactor} />
      </td>
      <td>
        {e.recovery ? <span className="inv-clamp">{e.recovery}</span> : dash}
        {e.credentialLocation && (
          <span className="inv-sub">
            <Icon name="key" size={12} /> {e.credentialLocation}
          </span>
        )}
      </td>
      <td className="inv-rotation">
        {e.nextRotation ? (
          <>
            <span className="mono">{e.nextRotation}</span>
            {rot && <span className={`st ${rot === 'overdue' ? 'st-fail' : 'st-warn'}`}>{rot === 'overdue' ? 'Overdue' : 'Due soon'}</span>}
          </>
        ) : (
          dash
        )}
        {e.rotatedBy && <span className="inv-sub">by {e.rotatedBy}</span>}
      </td>
      <td className="inv-actions">
        <button type="button" className="icon-btn" aria-label={`Edit ${title}`} title="Edit" onClick={() => openInventoryRow(e.id)}>
          <Icon name="edit" />
        </button>
        <button type="button" className="icon-btn inv-remove" aria-label={`Remove ${title}`} title="Remove" onClick={() => askRemoveInventoryRow(e.id)}>
          <Icon name="trash" />
        </button>
      </td>
    </tr>
  )
}

/** Accounts and hosts in narrow columns: a line breaks after an "@" (and, in a host, before a "."), not mid-word. */
function Breakable({ text, host = false }: { text: string; host?: boolean }) {
  const parts = text.split(host ? /(?=\.)/ : /(?<=@)/)
  return (
    <span className="inv-break">
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {p}
        </Fragment>
      ))}
    </span>
  )
}

/** The host of a login URL, for a narrow column (the full URL is the tooltip and in the form). */
function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
