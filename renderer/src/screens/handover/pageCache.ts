import type { PdfPages } from './pdf'
import type { PageImage } from './pageState'

/**
 * Pages drawn from bundle PDFs, kept for the session (until the window reloads): keyed by the
 * SHA-256 of the PDF's bytes, the page and the width drawn, so a revisit shows them at once. A
 * bundle is write-once, so its name leads to its PDF's hash without fetching it again. Bounded:
 * the oldest images are dropped (and their object URLs revoked) past MAX_IMAGES.
 */
const MAX_IMAGES = 240
const images = new Map<string, PageImage>()
/** `engagementId/bundle` → the SHA-256 of its handover.pdf, learned when it was first opened. */
const hashes = new Map<string, string>()
/** PDF hash → its page count. */
const counts = new Map<string, number>()

const imageKey = (hash: string, page: number, width: number) => `${hash}#${page}@${width}`

/** What the session already knows about a bundle's PDF: its hash and page count, or null. */
export function known(bundleKey: string): { hash: string; count: number } | null {
  const hash = hashes.get(bundleKey)
  const count = hash ? counts.get(hash) : undefined
  return hash && count !== undefined ? { hash, count } : null
}

export function cachedPage(hash: string, page: number, width: number): PageImage | null {
  return images.get(imageKey(hash, page, width)) ?? null
}

function keep(hash: string, page: number, width: number, image: PageImage): void {
  const k = imageKey(hash, page, width)
  images.delete(k)
  images.set(k, image)
  while (images.size > MAX_IMAGES) {
    const [oldest, img] = images.entries().next().value as [string, PageImage]
    images.delete(oldest)
    URL.revokeObjectURL(img.url)
  }
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return [...d].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** The one PDF kept open (the last one looked at); another bundle closes it. */
let open: { bundleKey: string; doc: Promise<{ hash: string; pdf: PdfPages }> } | null = null

/** Open a bundle's PDF (or reuse the open one): fetch its bytes and pdf.js together, hash, parse. */
export function openDoc(bundleKey: string, fetchBytes: () => Promise<Uint8Array<ArrayBuffer>>): Promise<{ hash: string; pdf: PdfPages }> {
  if (open?.bundleKey === bundleKey) return open.doc
  const previous = open
  const doc = (async () => {
    const [bytes, lib] = await Promise.all([fetchBytes(), import('./pdf')])
    const hash = await sha256Hex(bytes)
    const pdf = await lib.openPdf(bytes)
    hashes.set(bundleKey, hash)
    counts.set(hash, pdf.count)
    return { hash, pdf }
  })()
  open = { bundleKey, doc }
  // a failed open is not kept: the next visit tries again
  doc.catch(() => {
    if (open?.doc === doc) open = null
  })
  if (previous) void previous.doc.then((d) => d.pdf.close()).catch(() => {})
  return doc
}

interface Job {
  pdf: PdfPages
  hash: string
  page: number
  width: number
  /** Checked when the job's turn comes: a page nobody waits for any more is not drawn. */
  wanted: () => boolean
  done: (image: PageImage | null, error?: unknown) => void
}

/** Pages are drawn one at a time (pdf.js has one worker); large pages go before thumbnails. */
const urgent: Job[] = []
const later: Job[] = []
let drawing = false

async function drain(): Promise<void> {
  if (drawing) return
  drawing = true
  try {
    // bounded: each turn removes one job, and jobs are only added by a visible page or thumbnail
    for (let job = urgent.shift() ?? later.shift(); job; job = urgent.shift() ?? later.shift()) {
      const have = cachedPage(job.hash, job.page, job.width)
      if (have || !job.wanted()) {
        job.done(have)
        continue
      }
      try {
        const image = await job.pdf.render(job.page, job.width)
        keep(job.hash, job.page, job.width, image)
        job.done(image)
      } catch (e) {
        job.done(null, e)
      }
    }
  } finally {
    drawing = false
  }
}

/** Draw a page (1-based) at a width, from the cache when it was drawn before in this session. */
export function drawPage(o: { pdf: PdfPages; hash: string; page: number; width: number; urgent: boolean; wanted: () => boolean }): Promise<PageImage | null> {
  const have = cachedPage(o.hash, o.page, o.width)
  if (have) return Promise.resolve(have)
  return new Promise((resolve, reject) => {
    const job: Job = { ...o, done: (image, error) => (error === undefined ? resolve(image) : reject(error)) }
    ;(o.urgent ? urgent : later).push(job)
    void drain()
  })
}
