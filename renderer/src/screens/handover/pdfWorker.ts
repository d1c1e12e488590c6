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
