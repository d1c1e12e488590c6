/**
 * The text printed on one page of a PDF, as a reader sees it: pdf.js (Firefox's PDF engine, made
 * to open hostile files) maps the embedded fonts' glyphs back to characters, which a byte search
 * cannot do. Loaded on first use; bounded in time: a PDF that takes longer is abandoned.
 */
export async function pageText(pdf: Buffer, pageNumber = 1, timeoutMs = 30_000): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = pdfjs.getDocument({
    data: new Uint8Array(pdf),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    stopAtErrors: true,
  })
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`reading the PDF took longer than ${timeoutMs / 1000} s`)), timeoutMs)
  })
  try {
    return await Promise.race([
      (async () => {
        const doc = await task.promise
        if (pageNumber > doc.numPages) return ''
        const content = await (await doc.getPage(pageNumber)).getTextContent()
        return content.items.map((i) => ('str' in i ? i.str : '')).join('\n')
      })(),
      timeout,
    ])
  } finally {
    clearTimeout(timer)
    await task.destroy()
  }
}

/**
 * The key fingerprints (64 hex digits) printed on a PDF's cover, in the order printed. The
 * cover prints exactly one: the consultant's signing key.
 */
export async function printedFingerprints(pdf: Buffer): Promise<string[]> {
  return [...new Set((await pageText(pdf, 1)).match(/\b[0-9a-f]{64}\b/g) ?? [])]
}
