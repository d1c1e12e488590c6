import type { InventoryFields } from '@shared/contract/handover'
import { Icon } from '../../components/Icon'

const LABEL = { on: 'On', off: 'Off', unknown: 'Unknown' } as const

/** Two-factor state as a word and a shape, never colour alone: on ✓, off ⚠, unknown dashed (the column says 2FA). */
export function TwoFactor({ state }: { state: InventoryFields['twoFactor'] }) {
  return (
    <span className={`inv-2fa inv-2fa-${state}`}>
      {state === 'on' && <Icon name="check" size={12} />}
      {state === 'off' && <Icon name="alert" size={12} />}
      <span className="sr-only">2FA </span>
      {LABEL[state]}
    </span>
  )
}
