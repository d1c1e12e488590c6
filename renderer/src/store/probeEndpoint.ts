import { probeEndpointSchema, type ProbeEndpoint } from '@shared/schemas/probes'
import type { EndpointDraft } from './types/probes'

/* Only the probes card (in the engagement page's chunk) imports this: it validates with zod. */

/** A draft as a declared endpoint, or the first problem with it in words (the contract's own schema). */
export function endpointFromDraft(d: EndpointDraft, existing: ProbeEndpoint[]): { ok: true; endpoint: ProbeEndpoint } | { ok: false; message: string } {
  const ai = d.kind === 'ai'
  const r = probeEndpointSchema.safeParse({ id: d.id.trim(), kind: d.kind, url: d.url.trim(), ...(ai ? { body: '{"prompt":"{prompt}"}', answerPath: 'answer' } : {}), ...(ai && d.canary.trim() ? { canary: d.canary.trim() } : {}) })
  if (!r.success) return { ok: false, message: r.error.issues[0]?.message ?? 'the endpoint is not valid' }
  if (existing.some((e) => e.id === r.data.id)) return { ok: false, message: `an endpoint is already named "${r.data.id}"` }
  return { ok: true, endpoint: r.data }
}
