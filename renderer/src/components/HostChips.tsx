import { HOST_ROLES, guessRole, type HostRole } from '@shared/domain'
import type { EngagementDraft } from '../store/form'
import { addHosts } from '../store/formValidation'
import { ChipInput } from './ChipInput'
import { Icon } from './Icon'

const SUGGESTED = ['www', 'app', 'api', 'admin', 'staging']

export interface HostChipsProps {
  id: string
  domain: string
  hosts: EngagementDraft['hosts']
  onChange(hosts: EngagementDraft['hosts']): void
  aria: { 'aria-invalid'?: true; 'aria-describedby'?: string }
}

/**
 * Declared hosts as chips: type a label (or several, comma separated) and press Enter; each
 * chip has its role (guessed from the label, changeable) and a remove button.
 */
export function HostChips({ id, domain, hosts, onChange, aria }: HostChipsProps) {
  const fqdn = (name: string) => (domain && !name.includes('.') ? `${name}.${domain.trim().toLowerCase()}` : name)
  const missing = SUGGESTED.filter((s) => !hosts.some((h) => h.name === s))
  return (
    <div className="chips-field">
      {hosts.length > 0 && (
        <ul className="chips" aria-label="Hosts added">
          {hosts.map((h, i) => (
            <li key={h.name} className="chip">
              <span className="chip-name mono" title={fqdn(h.name)}>
                {h.name}
              </span>
              <select
                aria-label={`Role of ${h.name}`}
                value={h.role}
                onChange={(e) => onChange(hosts.map((x, j) => (j === i ? { ...x, role: e.target.value as HostRole } : x)))}
              >
                {HOST_ROLES.filter((r) => r !== 'apex').map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
              <button type="button" className="icon-btn" aria-label={`Remove ${h.name}`} onClick={() => onChange(hosts.filter((_, j) => j !== i))}>
                <Icon name="close" size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <ChipInput
        id={id}
        aria={aria}
        placeholder={hosts.length ? 'Add another host…' : 'www, app, api…'}
        onAdd={(text) => onChange(addHosts(hosts, text, guessRole))}
        onRemoveLast={() => hosts.length && onChange(hosts.slice(0, -1))}
      />
      {missing.length > 0 && (
        <div className="suggestions">
          <span className="muted small">Quick add:</span>
          {missing.map((s) => (
            <button key={s} type="button" className="btn btn-ghost btn-xs mono" onClick={() => onChange(addHosts(hosts, s, guessRole))} aria-label={`Add host ${s}`}>
              + {s}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
