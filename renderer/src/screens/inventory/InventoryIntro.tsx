import { useActions } from '../../hooks/useStore'
import { Icon } from '../../components/Icon'

/**
 * The empty state: what the inventory is, why the founder needs it, and the three ways to fill
 * it. `standardRows` > 0 when the standard systems are listed below, still blank.
 */
export function InventoryIntro({ standardRows }: { standardRows: number }) {
  const a = useActions()
  return (
    <section className="empty inv-intro" aria-labelledby="inv-intro-title" data-testid="inventory-empty">
      <div className="empty-icon" aria-hidden="true">
        <Icon name="key" size={28} />
      </div>
      <h2 id="inv-intro-title">Nobody has recorded who holds the keys yet</h2>
      <p className="muted">
        When the sprint ends and the consultant is gone, this is the page the founder opens: for every system the product runs on — the
        registrar, DNS, hosting, email, payments — who owns the account, who else is an admin, whether 2FA is on, how to get back in, and
        where each password or key is kept. It prints in the handover PDF.
      </p>
      <p className="muted small">
        Record <strong>where</strong> a credential lives (“founder’s 1Password, vault Ops”), never the credential itself.
      </p>
      <div className="empty-actions">
        <button type="button" className="btn btn-primary" onClick={() => void a.prefillInventory()}>
          Prefill from checks and credentials
        </button>
        <button type="button" className="btn" onClick={() => a.openInventoryRow(null)}>
          <Icon name="plus" /> Add a row
        </button>
        <button type="button" className="btn" onClick={a.openInventoryImport}>
          <Icon name="upload" /> Import…
        </button>
      </div>
      <p className="small muted cli-hint">
        {standardRows > 0 && (
          <>
            The {standardRows} standard systems are listed below, ready to fill in.
            <br />
          </>
        )}
        From a terminal: <code>handover inventory prefill</code>
      </p>
    </section>
  )
}
