import { STAGE_LABELS, type Engagement } from '@shared/schemas/engagement'

/** The product stage as a small coloured pill. */
export function StagePill({ stage }: { stage: Engagement['stage'] }) {
  return <span className={`pill pill-${stage}`}>{STAGE_LABELS[stage]}</span>
}
