import { useActions, useApp } from '../hooks/useStore'
import { label } from '../store/engagements'
import { Icon } from './Icon'

/** The "← Client name" link at the top of every screen that belongs to one engagement. */
export function BackToEngagement({ engagementId }: { engagementId: string }) {
  const e = useApp((s) => s.engagements.items.find((x) => x.id === engagementId))
  const { navigate } = useActions()
  return (
    <a
      href={`#/engagements/${engagementId}`}
      className="back"
      onClick={(x) => {
        x.preventDefault()
        navigate({ name: 'engagement', id: engagementId })
      }}
    >
      <Icon name="back" /> {e ? label(e) : 'Engagement'}
    </a>
  )
}
