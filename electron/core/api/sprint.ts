import { SprintService } from '../sprint/service'
import { listTemplates, loadTemplate } from '../sprint/templates'
import { AppError } from '@shared/errors'
import { checkIdsFor } from '../sprint/scope'
import { checkApi } from './checks'
import type { ApiSlice, CoreServices } from './types'

type SprintMethods =
  | 'listTemplates'
  | 'startSprint'
  | 'sprintStatus'
  | 'finishSprint'
  | 'updateSprintItem'
  | 'waiveItem'
  | 'revokeWaiver'
  | 'recordVerdict'
  | 'listAttachments'
  | 'readAttachment'
  | 'runSprint'

/** The sprint plan through the contract; every change emits sprint.changed. */
export function sprintApi(services: CoreServices): ApiSlice<SprintMethods> {
  const { workspace, events } = services
  const checks = checkApi(services)
  const sprints = new SprintService(workspace)
  const changed = <T extends { engagement: { id: string } }>(s: T): T => {
    events.emit({ type: 'sprint.changed', engagementId: s.engagement.id })
    return s
  }
  return {
    listTemplates: () => listTemplates().map((id) => ({ id, title: loadTemplate(id).title })),
    startSprint: ({ engagementId, templateId }) => changed(sprints.start(engagementId, templateId)),
    sprintStatus: ({ engagementId }) => {
      const e = workspace.engagements.get(engagementId)
      return sprints.current(e.id) ? sprints.status(e.id) : null
    },
    finishSprint: ({ engagementId }) => changed(sprints.finish(engagementId)),
    updateSprintItem: ({ engagementId, itemId, patch }) => changed(sprints.setItem(engagementId, itemId, patch)),
    waiveItem: ({ engagementId, itemId, ...w }) => changed(sprints.waive(engagementId, itemId, w)),
    revokeWaiver: ({ engagementId, itemId }) => changed(sprints.revokeWaiver(engagementId, itemId)),
    recordVerdict: ({ engagementId, itemId, attachments, ...v }) =>
      changed(
        sprints.verdict(engagementId, itemId, {
          ...v,
          attachments: attachments?.map((a) => ({ name: a.name, mime: a.mime, bytes: Buffer.from(a.dataBase64, 'base64') })),
        }),
      ),
    listAttachments: ({ engagementId, itemId }) => sprints.attachments(engagementId, itemId),
    readAttachment: ({ engagementId, id }) => sprints.readAttachment(engagementId, id),
    runSprint: async ({ engagementId, ...scope }) => {
      const status = sprints.status(engagementId)
      const checkIds = checkIdsFor(status, scope)
      if (!checkIds.length) throw new AppError('invalid_input', 'nothing to run: no automated items match')
      const r = await checks.runAudit({ engagementId: status.engagement.id, checkIds })
      return { ...r, checkIds }
    },
  }
}
