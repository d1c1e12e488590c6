import type { Route } from '../store/ui'
import { screenName } from './screens'

export const APP_NAME = 'Handover Console'

/**
 * The window title for a screen: "Vault — Handover Console" alone, "acme.example · Vault —
 * Handover Console" inside an engagement (the domain, which says which client without a name
 * that may be long). `detail` names the thing shown (a result's check, a runbook's title).
 */
export function windowTitle(route: Route, domainOf: (id: string) => string | undefined, detail?: string): string {
  const parts = (() => {
    switch (route.name) {
      case 'engagements':
        return ['Engagements']
      case 'settings':
        return ['Settings']
      case 'engagement':
        return [domainOf(route.id) ?? 'Engagement']
      case 'result':
        return [domainOf(route.id), detail ?? 'Result']
      case 'runbook':
        return [domainOf(route.id), detail ?? 'Runbook']
      default:
        return [domainOf(route.id), screenName(route.name)]
    }
  })().filter(Boolean)
  return `${parts.join(' · ')} — ${APP_NAME}`
}
