import type { Engagement } from '@shared/schemas/engagement'

/** Values a runbook can refer to as {{name}} or {{name|fallback}}. */
export type PlaceholderValues = Record<string, string | undefined>

/**
 * The engagement's facts for runbooks: its own fields plus whatever the access inventory, the
 * credentials and the handover baseline know (each source optional; a missing value falls back
 * to the text after `|` in the runbook).
 */
export function engagementValues(e: Engagement, extra: PlaceholderValues = {}): PlaceholderValues {
  return {
    domain: e.domain,
    client: e.clientName,
    'founder.name': e.founderName || undefined,
    'founder.email': e.founderEmail || undefined,
    ...extra,
  }
}

const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_.-]*)\s*(?:\|([^}]*))?\}\}/gi

/** Fill {{name|fallback}} placeholders; unknown names without a fallback are kept visible as [name]. */
export function fill(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (_m, name: string, fallback?: string) => values[name] ?? fallback?.trim() ?? `[${name}]`)
}

/** The placeholder names a text uses, and whether each has a fallback. */
export function placeholdersIn(text: string): { name: string; fallback: boolean }[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1], fallback: m[2] !== undefined }))
}
