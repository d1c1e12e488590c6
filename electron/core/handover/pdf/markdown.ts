import type { Content } from 'pdfmake/interfaces'

type Run = Exclude<Content, string | Content[]> | string

const TOKEN = /`([^`\n]+)`|\*\*([^*\n]+)\*\*|\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)|(https?:\/\/[^\s)<>"']+[^\s)<>"'.,;:!?])/g

/**
 * Inline Markdown of our own runbook files as pdfmake text runs: `code` in the mono face,
 * **bold**, [links](https://…) and bare https:// URLs as clickable links. Runbooks use only
 * these inline forms (no block syntax), so a 20-line tokenizer serves better than a Markdown
 * library whose HTML-oriented tokens would still need mapping to pdfmake.
 */
export function inlineMarkdown(text: string, linkColor = '#1d4ed8'): Run[] {
  const out: Run[] = []
  let last = 0
  for (const m of text.matchAll(TOKEN)) {
    if (m.index! > last) out.push(text.slice(last, m.index))
    if (m[1] !== undefined) out.push({ text: m[1], font: 'Mono', fontSize: 7.8, background: '#eef1f5' })
    else if (m[2] !== undefined) out.push({ text: m[2], bold: true })
    else if (m[3] !== undefined) out.push({ text: m[3], link: m[4], color: linkColor })
    else out.push({ text: m[5], link: m[5], color: linkColor })
    last = m.index! + m[0].length
  }
  if (last < text.length) out.push(text.slice(last))
  return out
}
