import type { SprintStatus } from '@shared/schemas/sprint'
import { runAudit } from '../core/checks/runner'
import { checkIdsFor, type RunScope } from '../core/sprint/scope'
import { SprintService } from '../core/sprint/service'
import { call } from './call'
import type { CliContext } from './context'
import { openNetwork } from './network'
import { progressLine } from './progress-line'

/** Run the checks behind part of the sprint plan, with progress on stderr; returns the updated plan. */
export async function runSprintChecks(ctx: CliContext, ref: string, o: RunScope & { lab?: string; connectTo?: string[] }): Promise<SprintStatus> {
  const core = ctx.core()
  const before = await call<SprintStatus | null>(ctx, 'sprintStatus', { engagementId: ref })
  if (!before) throw new Error(`no sprint for ${ref} yet: handover sprint start ${ref}`)
  const checkIds = checkIdsFor(before, o)
  if (!checkIds.length) {
    ctx.out.info('Nothing to run: no automated items match.')
    return before
  }
  const net = await openNetwork({ lab: o.lab, connectTo: o.connectTo, workspace: core.workspace })
  const off = core.events.on((e) => {
    if (e.type === 'check.finished') ctx.out.info(progressLine(e))
  })
  try {
    await runAudit({
      workspace: core.workspace,
      events: core.events,
      engagement: before.engagement,
      profile: net.profile,
      checkIds,
      thresholds: before.thresholds,
      services: net.credentials ? { credentials: net.credentials } : {},
    })
  } finally {
    off()
    await net.close()
  }
  return new SprintService(core.workspace).status(before.engagement.id)
}
