import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { HandoverData } from '../data'
import { renderPdf } from './fonts'
import { COLORS, STYLES } from './theme'
import { cover } from './sections/cover'
import { summary } from './sections/summary'
import { guide } from './sections/guide'
import { inventory } from './sections/inventory'
import { maps } from './sections/maps'
import { operations } from './sections/operations'
import { runbooks } from './sections/runbooks'
import { probes } from './sections/probes'
import { evidence, results, riskLog, signatureBlock } from './sections/findings'
import { inlineStyles } from './inline-styles'

/**
 * What people read: host names in their Unicode form (the engagement's punycode domain
 * replaced inside every string) and engagement-wide targets named by the domain, not an id.
 */
export function forDisplay(d: HandoverData): HandoverData {
  const { domain, id } = d.engagement
  const idn = d.domainUnicode !== domain
  const map = (v: unknown, key = ''): unknown => {
    if (typeof v === 'string') {
      if (key === 'hash' || key === 'prevHash' || key === 'fingerprint' || key === 'certFingerprint' || key === 'head') return v
      let s = v.split(id).join(d.domainUnicode)
      if (idn) s = s.split(domain).join(d.domainUnicode)
      return s
    }
    if (Array.isArray(v)) return v.map((x) => map(x, key))
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, map(x, k)]))
    return v
  }
  const out = map({ ...d, evidence: d.evidence.map((e) => ({ ...e, data: null })) }) as HandoverData
  // The ASCII form stays available for the cover's "ASCII form" line.
  return { ...out, engagement: { ...out.engagement, domain } }
}

/**
 * The handover PDF's document definition: cover, contents (also the PDF's bookmarks), the
 * executive summary with the verdict, the operating guide, inventory, maps, operations, the
 * plan, runbooks, results, evidence and the signature block. Only the summary, the guide, the
 * runbooks and the evidence appendix start a new page; the rest flows on.
 */
export function handoverDocument(raw: HandoverData): TDocumentDefinitions {
  const d = forDisplay(raw)
  const content: Content[] = [
    ...cover(d),
    ...summary(d),
    ...guide(d),
    ...inventory(d),
    ...maps(d),
    ...operations(d),
    ...probes(d),
    ...riskLog(d),
    ...runbooks(d),
    ...results(d),
    ...evidence(d),
    ...signatureBlock(d),
  ]
  return {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 55],
    info: { title: `Production handover — ${d.engagement.clientName} (${d.domainUnicode})`, author: d.signer.name, subject: 'Handover bundle', creator: 'Handover Console', producer: 'Handover Console' },
    defaultStyle: { font: 'Sans', fontSize: 9.5, color: COLORS.ink, lineHeight: 1.15 },
    styles: STYLES,
    content: inlineStyles(content, STYLES),
    footer: (page, pages) =>
      page === 1
        ? null
        : {
            columns: [
              { text: `${d.engagement.clientName} · ${d.domainUnicode} · production handover`, width: '*', fontSize: 7.5, color: COLORS.muted },
              { text: `Page ${page} of ${pages}`, width: 70, fontSize: 7.5, color: COLORS.muted, alignment: 'right' },
            ],
            margin: [50, 20, 50, 0],
          },
  }
}

/** Render the (unsigned) handover PDF. */
export function renderHandoverPdf(d: HandoverData): Promise<Buffer> {
  return renderPdf(handoverDocument(d))
}
