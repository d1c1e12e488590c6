import { AppError } from '@shared/errors'
import type { SprintStatus } from '@shared/schemas/sprint'

export interface RunScope {
  itemId?: string
  stage?: string
  /** Only items that are failing or blocked now. */
  failed?: boolean
}

/** The check ids to run for part of the plan: one item, one stage, failing items, or everything. */
export function checkIdsFor(s: SprintStatus, scope: RunScope): string[] {
  let items = s.items
  if (scope.itemId) {
    items = items.filter((i) => i.id === scope.itemId)
    if (!items.length) throw new AppError('not_found', `no item "${scope.itemId}" in this sprint`)
    if (!items[0].checks.length) throw new AppError('invalid_input', `"${items[0].title}" is checked by a person, not by checks: record a verdict instead`)
  }
  if (scope.stage) {
    items = items.filter((i) => i.stage === scope.stage)
    if (!items.length) throw new AppError('not_found', `no stage "${scope.stage}" (stages: ${s.stages.map((x) => x.id).join(', ')})`)
  }
  if (scope.failed) items = items.filter((i) => i.status === 'fail' || i.status === 'blocked')
  return [...new Set(items.flatMap((i) => i.checks))].sort()
}
