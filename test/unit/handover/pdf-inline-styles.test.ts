import type { Content, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces'
import { describe, expect, it } from 'vitest'
import { renderPdf } from '../../../electron/core/handover/pdf/fonts'
import { inlineStyles } from '../../../electron/core/handover/pdf/inline-styles'
import { STYLES } from '../../../electron/core/handover/pdf/theme'

const styles: StyleDictionary = { h: { fontSize: 18, bold: true, margin: [0, 0, 0, 10] }, small: { fontSize: 8, color: '#555' }, mono: { font: 'Mono' } }

describe('named styles written into their nodes (handover PDF)', () => {
  it('merges a node’s named styles under its own properties, later names winning, through every container', () => {
    const content: Content = [
      { text: 'Title', style: 'h', margin: [0, 4, 0, 4] },
      { stack: [{ text: ['plain ', { text: 'code', style: 'mono' }], style: ['small', 'h'] }] },
      { columns: [{ text: 'a', style: 'small' }] },
      { ul: [{ text: 'b', style: 'nope' }] },
      { table: { widths: ['*'], body: [[{ text: 'cell', style: 'small', color: 'red' }]] } },
      'just text',
    ]
    const before = JSON.stringify(content)
    expect(inlineStyles(content, styles)).toEqual([
      { text: 'Title', fontSize: 18, bold: true, margin: [0, 4, 0, 4] },
      { stack: [{ text: ['plain ', { text: 'code', font: 'Mono' }], fontSize: 18, color: '#555', bold: true, margin: [0, 0, 0, 10] }] },
      { columns: [{ text: 'a', fontSize: 8, color: '#555' }] },
      { ul: [{ text: 'b' }] },
      { table: { widths: ['*'], body: [[{ text: 'cell', fontSize: 8, color: 'red' }]] } },
      'just text',
    ])
    expect(JSON.stringify(content)).toBe(before)
  })

  it('draws the same pages as the named styles do', async () => {
    const content: Content = [
      { text: 'Production handover', style: 'h1' },
      { text: 'What to do on Monday, in order.', style: 'lead' },
      { table: { headerRows: 1, widths: ['*', 'auto'], body: [[{ text: 'System', style: 'th' }, { text: 'Owner', style: 'th' }], [{ text: ['Registrar ', { text: 'acme.example', style: 'mono' }], style: 'td' }, { text: 'Founder', style: 'td' }]] }, layout: 'handover' },
      { stack: [{ text: 'A note in italics that wraps onto a second line because it is long enough to need one.', style: 'note' }], margin: [0, 8, 0, 0] },
    ]
    // fixed dates: the file then depends only on what is drawn
    const doc = (c: Content): TDocumentDefinitions => ({ info: { creationDate: new Date(0), modDate: new Date(0) } as never, defaultStyle: { font: 'Sans', fontSize: 9.5 }, styles: STYLES, content: c })
    const named = await renderPdf(doc(content))
    expect(await renderPdf(doc(content))).toEqual(named)
    expect(await renderPdf(doc(inlineStyles(content, STYLES)))).toEqual(named)
  })
})
