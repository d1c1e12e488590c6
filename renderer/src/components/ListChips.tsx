import { LIST_RULES, addListItems, type ListField } from '../store/form'
import { ChipInput } from './ChipInput'
import { Icon } from './Icon'

export interface ListChipsProps {
  id: string
  field: ListField
  items: string[]
  /** What one entry is called in button labels: "selector", "route". */
  noun: string
  placeholder: string
  onChange(items: string[]): void
  aria: { 'aria-invalid'?: true; 'aria-describedby'?: string }
}

/**
 * A list of plain values as chips (DKIM selectors, key routes): type one or several, comma
 * separated, and press Enter; Backspace in the empty input removes the last one. Entries the
 * rules refuse stay visible, marked, until removed.
 */
export function ListChips({ id, field, items, noun, placeholder, onChange, aria }: ListChipsProps) {
  return (
    <div className="chips-field">
      {items.length > 0 && (
        <ul className="chips" aria-label={`${noun[0].toUpperCase()}${noun.slice(1)}s added`}>
          {items.map((item) => {
            const ok = LIST_RULES[field].normalize(item).ok
            return (
              <li key={item} className={`chip${ok ? '' : ' chip-invalid'}`}>
                <span className="chip-name mono">{item}</span>
                {!ok && <span className="sr-only"> (not valid)</span>}
                <button type="button" className="icon-btn" aria-label={`Remove ${noun} ${item}`} onClick={() => onChange(items.filter((x) => x !== item))}>
                  <Icon name="close" size={12} />
                </button>
              </li>
            )
          })}
        </ul>
      )}
      <ChipInput
        id={id}
        aria={aria}
        placeholder={items.length ? `Add another ${noun}…` : placeholder}
        onAdd={(text) => onChange(addListItems(items, text, field))}
        onRemoveLast={() => items.length && onChange(items.slice(0, -1))}
      />
    </div>
  )
}
