import { AppError } from '@shared/errors'
import { timelineCount, timelinePage } from '../evidence/timeline'
import type { ApiSlice, CoreServices } from './types'

/** Evidence timeline and item detail. */
export function evidenceApi({ workspace }: CoreServices): ApiSlice<'evidenceTimeline' | 'getEvidence'> {
  return {
    evidenceTimeline: (f) => {
      const engagementId = workspace.engagements.get(f.engagementId).id
      const page = timelinePage(workspace.db, { ...f, engagementId })
      // The total is the whole filtered timeline, not what is left after this page; counting
      // walks every match, so a viewer asks for it once per filter, not on every page.
      const { before: _before, limit: _limit, count, ...filter } = f
      return { ...page, total: count === false ? null : timelineCount(workspace.db, { ...filter, engagementId }) }
    },
    getEvidence: ({ id }) => {
      const r = workspace.evidence.get(id)
      if (!r) throw new AppError('not_found', `no evidence item ${id}`)
      return {
        id: r.id,
        seq: r.seq,
        kind: r.kind,
        label: r.label,
        checkId: r.checkId,
        target: r.target,
        status: r.status,
        createdAt: r.createdAt,
        hash: r.hash,
        prevHash: r.prevHash,
        data: r.data,
      }
    },
  }
}
