import type { CustomTableLayout, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces'
import { resourcePath } from '../../paths'
import { TABLE_LAYOUT, TITLED_LAYOUT } from './theme'

/** pdfmake 0.3's server API (its DefinitelyTyped types still describe 0.2's PdfPrinter). */
interface PdfMake {
  setFonts(fonts: TFontDictionary): void
  setUrlAccessPolicy(cb: (url: string) => boolean): void
  setLocalAccessPolicy(cb: (path: string) => boolean): void
  addTableLayouts(layouts: Record<string, CustomTableLayout>): void
  createPdf(doc: TDocumentDefinitions, options?: object): { getBuffer(): Promise<Buffer> }
}

let engine: Promise<PdfMake> | undefined

/**
 * Load and configure pdfmake (a process-wide singleton in 0.3) once, on first use — only a
 * handover bundle needs it, and it weighs tens of MB: the embedded DejaVu fonts (full Unicode,
 * so IDN names render), our table layout, and no access to URLs or to files other than the fonts.
 */
export function pdfEngine(): Promise<PdfMake> {
  engine ??= import('pdfmake').then((m) => configure(((m as { default?: unknown }).default ?? m) as PdfMake))
  return engine
}

function configure(pm: PdfMake): PdfMake {
  const dir = resourcePath('fonts')
  const f = (name: string) => `${dir}/${name}`
  pm.setFonts({
    Sans: { normal: f('DejaVuSans.ttf'), bold: f('DejaVuSans-Bold.ttf'), italics: f('DejaVuSans-Oblique.ttf'), bolditalics: f('DejaVuSans-BoldOblique.ttf') },
    Mono: { normal: f('DejaVuSansMono.ttf'), bold: f('DejaVuSansMono.ttf'), italics: f('DejaVuSansMono.ttf'), bolditalics: f('DejaVuSansMono.ttf') },
  })
  pm.setUrlAccessPolicy(() => false)
  pm.setLocalAccessPolicy((p) => p.startsWith(dir))
  pm.addTableLayouts({ handover: TABLE_LAYOUT, 'handover-titled': TITLED_LAYOUT })
  return pm
}

/** Render a document definition to PDF bytes. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return (await pdfEngine()).createPdf(doc).getBuffer()
}
