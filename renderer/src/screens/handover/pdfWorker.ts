// The worker ships with the app as a file of its own: script-src 'self' allows it; no CDN, no blob:.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

let worker: Worker | null | undefined

/**
 * Start pdf.js's worker (1.2 MB to fetch and compile) without loading pdf.js itself: the
 * handover screen calls this on mount, so the worker gets ready while pdf.js's own module, the
 * bundle list and the PDF's bytes are still on their way. One for the session; null where a
 * module worker cannot start (pdf.js then starts its own, or parses on this thread).
 */
export function startPdfWorker(): Worker | null {
  if (worker !== undefined) return worker
  try {
    worker = new Worker(workerUrl, { type: 'module' })
  } catch {
    worker = null
  }
  return worker
}

let warming = false

/**
 * Get pdf.js ready before anyone asks for a page: its worker started and its module compiled.
 * The engagement's page calls this; the handover screen is one click from it, and starting
 * pdf.js (about half a second of compiling on a busy laptop) is most of a first page's wait.
 * Done when the browser is idle, once per session, so it never competes with what is on screen.
 */
export function warmPdfWhenIdle(): void {
  if (warming) return
  warming = true
  const warm = () => {
    startPdfWorker()
    void import('./pdf').then((m) => m.warmWorker(), () => {})
  }
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 3000 })
  else setTimeout(warm, 1000)
}
