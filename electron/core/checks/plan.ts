import type { Engagement } from '@shared/schemas/engagement'
import type { CheckModule } from './types'

export interface PlannedCheck {
  check: CheckModule
  target: string
  host?: Engagement['hosts'][number]
}

/** Every applicable check × target: domain scope once, host scope per declared host, engagement once. */
export function planRun(engagement: Engagement, checks: CheckModule[]): PlannedCheck[] {
  const out: PlannedCheck[] = []
  for (const check of checks) {
    const scope = check.meta.scope
    if (scope === 'host') {
      for (const host of engagement.hosts) if (check.applies?.(engagement, host) ?? true) out.push({ check, target: host.name, host })
    } else if (check.applies?.(engagement) ?? true) {
      // Engagement-wide checks (provider accounts) are named after the domain too: a person reads it.
      out.push({ check, target: engagement.domain })
    }
  }
  return out
}
