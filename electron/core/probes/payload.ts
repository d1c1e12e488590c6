import { defaultBody, type ProbeEndpoint } from '@shared/schemas/probes'

/**
 * The values a probe body's placeholders take. All harmless by construction and shown to the
 * consultant before consent: reserved addresses (example.com, RFC 2606, never delivered), a
 * wrong password that names itself, the request's number, and for an AI endpoint's burst a
 * one-line prompt asking for "OK" (the injection cases fill {prompt} themselves).
 */
export function placeholderValues(n: number): Record<string, string> {
  return { email: `handover-probe-${n}@example.com`, password: `wrong-password-${n}-handover-probe`, n: String(n), prompt: `Reply with OK. (Handover rate-limit probe ${n})` }
}

/** Fill a body template: values JSON-escaped for JSON bodies, URL-encoded for forms. */
export function fillBody(ep: Pick<ProbeEndpoint, 'body' | 'kind' | 'contentType'>, values: Record<string, string>): string {
  const template = ep.body ?? defaultBody(ep.kind)
  const escape = ep.contentType === 'form' ? encodeURIComponent : (v: string) => JSON.stringify(v).slice(1, -1)
  return template.replace(/\{(email|password|n|prompt)\}/g, (m, k: string) => (k in values ? escape(values[k]) : m))
}

/** The request options of one probe request: method, content type, filled body (none for GET). */
export function probeRequest(ep: ProbeEndpoint, values: Record<string, string>): { method: string; headers: Record<string, string>; body?: string } {
  if (ep.method === 'GET') return { method: 'GET', headers: {} }
  const type = ep.contentType === 'form' ? 'application/x-www-form-urlencoded' : 'application/json'
  return { method: ep.method, headers: { 'content-type': type }, body: fillBody(ep, values) }
}

/** Wait `ms`, or less when the signal aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    const t = setTimeout(done, ms)
    function done() {
      clearTimeout(t)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}
