import { engagementCreateSchema, engagementUpdateSchema, idSchema, type Engagement } from '../schemas/engagement'
import { method, none } from './method'

export interface AppInfo {
  version: string
  workspace: string
  mode: 'electron' | 'browser'
  platform: string
}

/** App and engagement methods. */
export const engagementMethods = {
  appInfo: method<typeof none, AppInfo>(none),
  listEngagements: method<typeof none, Engagement[]>(none),
  getEngagement: method<typeof idSchema, Engagement>(idSchema),
  createEngagement: method<typeof engagementCreateSchema, Engagement>(engagementCreateSchema),
  updateEngagement: method<typeof engagementUpdateSchema, Engagement>(engagementUpdateSchema),
  removeEngagement: method<typeof idSchema, { id: string }>(idSchema),
}
