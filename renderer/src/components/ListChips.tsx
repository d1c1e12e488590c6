import { ChipInput } from './ChipInput'
import { Icon } from './Icon'

export interface ListChipsProps {
  id: string
  items: string[]
  /** The list after adding typed text (one or several entries, comma separated). */
  add(items: string[], text: string): string[]
  /** Entries this refuses stay visible, marked, until removed; without it all are fine. */
  isValid?(item: string): boolean
  /** Show entries in the monospace face (names, paths); off for people's accounts. */
  mono?: boolean
  /** What one entry is called in button labels: "selector", "route". */
  noun: string
  placeholder: string
  onChange(items: string[]): void
  aria: { 'aria-invalid'?: true; 'aria-describedby'?: string }
}

/**
 * A list of plain values as chips (DKIM selectors, key routes, admins): type one or several, comma
 * separated, and press Enter; Backspace in the empty input removes the last one. Entries the
 * rules refuse stay visible, marked, until removed.
 */
export function ListChips({ id, items, add, isValid, mono = true, noun, placeholder, onChange, aria }: ListChipsProps) {
  return (
    <div className="chips-field">
      {items.length > 0 && (
        <ul className="chips" aria-label={`${noun[0].toUpperCase()}${noun.slice(1)}s added`}>
          {items.map((item) => {
            const ok = isValid?.(item) ?? true
            return (
              <li key={item} className={`chip${ok ? '' : ' chip-invalid'}`}>
                <span className={`chip-name${mono ? ' mono' : ''}`}>{item}</span>
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
        onAdd={(text) => onChange(add(items, text))}
        onRemoveLast={() => items.length && onChange(items.slice(0, -1))}
      />
    </div>
  )
}
