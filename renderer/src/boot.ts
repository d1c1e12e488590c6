import type { EarlyRequests } from './transport/early'

/** The contract calls the store's `init` makes with no input (renderer/src/store/index.ts). */
const EARLY_CALLS = ['listEngagements', 'engagementSummaries', 'appInfo']

/*
 * The page's first script, under a kilobyte: in browser mode it sends the session check and,
 * for a browser with a session, the first screen's calls, so the server answers while the app's code (the entry
 * chunk, main.tsx) downloads and runs, instead of after it (docs/performance.md,
 * ui.first_render). The transport takes each answer once. In Electron (the preload's
 * window.handover) it does nothing: calls there go over IPC.
 */
if (!window.handover && location.protocol.startsWith('http')) {
  // an answer nobody takes (the app failed to start) must not be an unhandled rejection
  const quiet = (p: Promise<Response>) => (p.catch(() => undefined), p)
  const post = (method: string) => quiet(fetch(`${location.origin}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }))
  const session = quiet(fetch(`${location.origin}/api/session`, { cache: 'no-store' }))
  // the calls only once the server says this browser has a session: without one they would be refused
  const calls = session
    .then((res) => res.clone().json())
    .then((body: { session?: unknown }) => new Map(body.session === true ? EARLY_CALLS.map((m) => [m, post(m)]) : []))
    .catch(() => new Map<string, Promise<Response>>())
  const early: EarlyRequests = { at: performance.now(), session, calls }
  window.__handoverEarly = early
}
