import { Icon } from './Icon'

/** The top of a side sheet's form: its title (the dialog's label), a line under it, and Close. */
export function SheetHeader({ id, title, subtitle, onClose }: { id: string; title: string; subtitle: string; onClose(): void }) {
  return (
    <div className="sheet-header">
      <div>
        <h2 id={id}>{title}</h2>
        <p className="muted small">{subtitle}</p>
      </div>
      <button type="button" className="icon-btn" aria-label="Close" onClick={onClose}>
        <Icon name="close" />
      </button>
    </div>
  )
}
