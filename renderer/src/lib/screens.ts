/** An engagement's screens, in the order the sprint goes, with the names people read everywhere (sidebar, palette, window title). */
export const ENGAGEMENT_SCREENS = [
  ['sprint', 'Sprint board'],
  ['evidence', 'Evidence'],
  ['pictures', 'Pictures'],
  ['runbooks', 'Runbooks'],
  ['vault', 'Vault'],
  ['inventory', 'Access inventory'],
  ['handover', 'Handover'],
] as const

export type EngagementScreen = (typeof ENGAGEMENT_SCREENS)[number][0]

export function screenName(name: EngagementScreen): string {
  return ENGAGEMENT_SCREENS.find(([n]) => n === name)![1]
}
