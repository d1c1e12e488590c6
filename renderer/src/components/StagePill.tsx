import type { Engagement } from '@shared/schemas/engagement'
import { STAGE_LABELS } from '@shared/schemas/engagement-values'

/** The product stage as a small coloured pill. */
export function StagePill({ stage }: { stage: Engagement['stage'] }) {
  return <span className={`pill pill-${stage}`}>{STAGE_LABELS[stage]}</span>
}
