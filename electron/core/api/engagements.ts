import type { ApiSlice, CoreServices } from './types'
import { VERSION } from '../version'

/** App info and engagement CRUD. */
export function engagementApi({ workspace, events, mode }: CoreServices): ApiSlice<
  'appInfo' | 'listEngagements' | 'getEngagement' | 'createEngagement' | 'updateEngagement' | 'removeEngagement'
> {
  const { engagements } = workspace
  return {
    appInfo: () => ({ version: VERSION, workspace: workspace.dir, mode, platform: process.platform }),
    listEngagements: () => engagements.list(),
    getEngagement: ({ id }) => engagements.get(id),
    createEngagement: (input) => {
      const e = engagements.create(input)
      events.emit({ type: 'engagements.changed', id: e.id, change: 'created' })
      return e
    },
    updateEngagement: (input) => {
      const e = engagements.update(input)
      events.emit({ type: 'engagements.changed', id: e.id, change: 'updated' })
      return e
    },
    removeEngagement: ({ id }) => {
      const r = engagements.remove(id)
      events.emit({ type: 'engagements.changed', id: r.id, change: 'removed' })
      return r
    },
  }
}
