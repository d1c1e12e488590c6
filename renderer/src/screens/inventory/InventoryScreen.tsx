import { useEffect } from 'react'
import type { InventoryEntry } from '@shared/contract/handover'
import { useActions, useApp } from '../../hooks/useStore'
import { inventoryCounts, inventoryPhase } from '../../store/inventoryRows'
import { plural } from '../../lib/format'
import { BackToEngagement } from '../../components/BackToEngagement'
import { Icon } from '../../components/Icon'
import { downloadInventory } from './commands'
import { InventoryDialogs } from './InventoryDialogs'
import { InventoryIntro } from './InventoryIntro'
import { InventorySheet } from './InventorySheet'
import { InventoryTable } from './InventoryTable'
import { RotateNow } from './RotateNow'
import './inventory.css'
import { ErrorBanner } from '../../components/ErrorBanner'

/**
 * The access inventory of one engagement: every system the product depends on, who owns it,
 * who else gets in, 2FA, how to recover access and where each credential lives (never the
 * credential). It is the page of the handover PDF the founder keeps using after the sprint.
 */
export function InventoryScreen({ engagementId }: { engagementId: string }) {
  const v = useApp((s) => s.inventory)
  const domain = useApp((s) => s.engagements.items.find((e) => e.id === engagementId)?.domain)
  const a = useActions()
  const { loadInventory, loadExposures, closeInventoryOverlays } = a
  useEffect(() => {
    void loadInventory(engagementId)
    void loadExposures(engagementId)
    return () => closeInventoryOverlays()
  }, [engagementId, loadInventory, loadExposures, closeInventoryOverlays])
  const items = v.engagementId === engagementId ? v.items : null
  const phase = items ? inventoryPhase(items) : null
  return (
    <>
      <BackToEngagement engagementId={engagementId} />
      <div className="page-head">
        <div>
          <h1 id="page-title">Access inventory</h1>
          <p className="muted">Every system {domain ? <span className="mono">{domain}</span> : 'the product'} depends on, who owns it and how to get back in. It prints in the handover PDF.</p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn" disabled={!items || !!v.busy} onClick={() => void a.prefillInventory()}>
            {v.busy === 'prefill' ? 'Prefilling…' : 'Prefill from checks and credentials'}
          </button>
          <button type="button" className="btn" disabled={!items} onClick={a.openInventoryImport}>
            <Icon name="upload" /> Import…
          </button>
          <button type="button" className="btn" disabled={!items?.length} onClick={() => downloadInventory(a)}>
            <Icon name="download" /> Export JSON
          </button>
          <button type="button" className="btn btn-primary" disabled={!items} onClick={() => a.openInventoryRow(null)}>
            <Icon name="plus" /> Add a row
          </button>
        </div>
      </div>
      {v.error && (
        <ErrorBanner>{v.error.message}</ErrorBanner>
      )}
      <div role="status" className="inv-note-slot">
        {v.note && (
          <p className="banner banner-info inv-note" data-testid="inventory-note">
            {v.note}
          </p>
        )}
      </div>
      {!items ? (
        <p className="muted loading" role="status">
          Loading the inventory…
        </p>
      ) : (
        <>
          <RotateNow engagementId={engagementId} />
          {phase !== 'started' && <InventoryIntro standardRows={phase === 'untouched' ? items.length : 0} />}
          {items.length > 0 && <Summary items={items} />}
          {items.length > 0 && <InventoryTable items={items} />}
        </>
      )}
      <InventorySheet />
      <InventoryDialogs />
    </>
  )
}

/** One line of counts: how much is recorded, and what needs attention. */
function Summary({ items }: { items: readonly InventoryEntry[] }) {
  const c = inventoryCounts(items)
  return (
    <p className="inv-summary small" data-testid="inventory-summary">
      <span>{plural(c.rows, 'system')}</span>
      <span>{c.recorded} recorded</span>
      {c.twoFactorOff > 0 && <span className="inv-alert">2FA off on {plural(c.twoFactorOff, 'system')}</span>}
      {c.overdue > 0 && <span className="inv-alert">{plural(c.overdue, 'rotation')} overdue</span>}
      {c.soon > 0 && <span className="inv-soon">{plural(c.soon, 'rotation')} due within two weeks</span>}
    </p>
  )
}
