// Loaded with import() from BundlePages only, so the app's first render never pays for pdf.js.
import { getDocument, GlobalWorkerOptions, PDFWorker, VerbosityLevel } from 'pdfjs-dist'
// The worker ships with the app as a file of its own: script-src 'self' allows it; no CDN, no blob:.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'
import type { PageImage } from './pageState'
import { startPdfWorker } from './pdfWorker'

/**
 * pdf.js parses in a worker started from that file: same origin in browser mode, and in the
 * packaged app a file URL from a file page, which Electron lets local pages start. Where a worker
 * cannot start, pdf.js imports the same module and parses on this thread: slower, still working,
 * still within script-src 'self'.
 */
GlobalWorkerOptions.workerSrc = workerUrl

/**
 * One worker for the session, shared by every PDF opened: starting it (fetching and compiling
 * 1.2 MB of pdf.js) is most of the first page's wait, so the handover screen starts it on
 * mount, while the PDF's bytes are still on their way. A loading task does not destroy a worker
 * it was given, so closing a PDF leaves it running.
 */
let worker: PDFWorker | null = null
export function warmWorker(): PDFWorker {
  // the worker the screen started on mount (pdfWorker.ts), else one pdf.js starts from workerSrc
  const port = startPdfWorker()
  worker ??= port ? PDFWorker.create({ port, verbosity: VerbosityLevel.ERRORS }) : new PDFWorker({ verbosity: VerbosityLevel.ERRORS })
  return worker
}

/** An open PDF whose pages render to images. */
export interface PdfPages {
  count: number
  /** Render page `n` (1-based) for display `cssWidth` pixels wide (sharp on HiDPI screens). */
  render(n: number, cssWidth: number): Promise<PageImage>
  close(): Promise<void>
}

/** Open a PDF from its bytes. Wasm decoders stay off: the CSP has no 'wasm-unsafe-eval'. */
export async function openPdf(bytes: Uint8Array): Promise<PdfPages> {
  const task = getDocument({ data: bytes, worker: warmWorker(), useWasm: false, verbosity: VerbosityLevel.ERRORS })
  const doc = await task.promise
  return {
    count: doc.numPages,
    async render(n, cssWidth) {
      const page = await doc.getPage(n)
      const scale = (cssWidth * Math.max(1, window.devicePixelRatio || 1)) / page.getViewport({ scale: 1 }).width
      const viewport = page.getViewport({ scale })
      const canvas = document.createElement('canvas')
      canvas.width = Math.ceil(viewport.width)
      canvas.height = Math.ceil(viewport.height)
      await page.render({ canvas, viewport }).promise
      page.cleanup()
      const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(`page ${n} could not be drawn`))), 'image/png'))
      return { url: URL.createObjectURL(blob), width: canvas.width, height: canvas.height }
    },
    close: () => task.destroy(),
  }
}
