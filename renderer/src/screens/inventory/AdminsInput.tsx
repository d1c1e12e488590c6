import { ChipInput } from '../../components/ChipInput'
import { Icon } from '../../components/Icon'
import { addAdmins } from '../../store/inventoryRows'

export interface AdminsInputProps {
  id: string
  admins: string[]
  onChange(admins: string[]): void
  aria: { 'aria-invalid'?: true; 'aria-describedby'?: string }
}

/** The admins of a system as chips: type an account and press Enter; Backspace removes the last. */
export function AdminsInput({ id, admins, onChange, aria }: AdminsInputProps) {
  return (
    <div className="chips-field">
      {admins.length > 0 && (
        <ul className="chips" aria-label="Admins added">
          {admins.map((a) => (
            <li key={a} className="chip">
              <span className="chip-name">{a}</span>
              <button type="button" className="icon-btn" aria-label={`Remove admin ${a}`} onClick={() => onChange(admins.filter((x) => x !== a))}>
                <Icon name="close" size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <ChipInput
        id={id}
        aria={aria}
        placeholder={admins.length ? 'Add another admin…' : 'ada@acme.example, then Enter'}
        onAdd={(text) => onChange(addAdmins(admins, text))}
        onRemoveLast={() => admins.length && onChange(admins.slice(0, -1))}
      />
    </div>
  )
}
