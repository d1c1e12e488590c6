import { parse } from 'parse5'

/** One subresource a page loads. Active content can rewrite the page; passive can only be seen. */
export interface Subresource {
  tag: string
  attr: string
  url: string
  kind: 'active' | 'passive'
}

interface Node {
  nodeName: string
  tagName?: string
  attrs?: { name: string; value: string }[]
  childNodes?: Node[]
  content?: Node
}

const ACTIVE_SRC: Record<string, string[]> = { script: ['src'], iframe: ['src'], frame: ['src'], embed: ['src'], object: ['data'] }
const PASSIVE_SRC: Record<string, string[]> = { img: ['src', 'srcset'], source: ['src', 'srcset'], audio: ['src'], video: ['src', 'poster'], track: ['src'], input: ['src'] }

function linkKind(rel: string, as: string): Subresource['kind'] | undefined {
  const rels = rel.toLowerCase().split(/\s+/)
  if (rels.includes('stylesheet')) return 'active'
  if (rels.includes('preload') || rels.includes('modulepreload')) return ['script', 'style', 'worker', 'document', ''].includes(as) ? 'active' : 'passive'
  if (rels.some((r) => ['icon', 'apple-touch-icon', 'manifest'].includes(r))) return 'passive'
  return undefined
}

function urlsOf(attr: string, value: string): string[] {
  if (attr !== 'srcset') return [value.trim()]
  return value
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0])
    .filter(Boolean)
}

/**
 * Every subresource URL of an HTML page (resolved against the page URL and any <base href>),
 * with the active/passive distinction browsers use for mixed content. Uses a real HTML parser.
 */
export function subresources(html: string, pageUrl: string): Subresource[] {
  const doc = parse(html) as unknown as Node
  const found: { tag: string; attr: string; raw: string; kind: Subresource['kind'] }[] = []
  let base = pageUrl
  const stack: Node[] = [doc]
  // Iterative walk, bounded by the (capped) document size.
  while (stack.length) {
    const n = stack.pop() as Node
    if (n.childNodes) stack.push(...n.childNodes)
    if (n.content?.childNodes) stack.push(...n.content.childNodes)
    const tag = n.tagName
    if (!tag) continue
    const attrs = new Map((n.attrs ?? []).map((a) => [a.name.toLowerCase(), a.value]))
    if (tag === 'base' && attrs.get('href')) {
      try {
        base = new URL(attrs.get('href') as string, pageUrl).toString()
      } catch {
        // an unusable <base> is ignored, as browsers do
      }
    }
    if (tag === 'link' && attrs.get('href')) {
      const kind = linkKind(attrs.get('rel') ?? '', (attrs.get('as') ?? '').toLowerCase())
      if (kind) found.push({ tag, attr: 'href', raw: attrs.get('href') as string, kind })
      continue
    }
    const table = ACTIVE_SRC[tag] ? { list: ACTIVE_SRC[tag], kind: 'active' as const } : PASSIVE_SRC[tag] ? { list: PASSIVE_SRC[tag], kind: 'passive' as const } : undefined
    if (!table) continue
    for (const attr of table.list) {
      const v = attrs.get(attr)
      if (v) for (const raw of urlsOf(attr, v)) found.push({ tag, attr, raw, kind: table.kind })
    }
  }
  const out: Subresource[] = []
  for (const f of found) {
    try {
      out.push({ tag: f.tag, attr: f.attr, kind: f.kind, url: new URL(f.raw, base).toString() })
    } catch {
      // not a URL: nothing a browser would load
    }
  }
  return out
}

/** Whether a response body looks like HTML. */
export function isHtml(contentType: string, body: string): boolean {
  return /html/i.test(contentType) || /^\s*(<!doctype html|<html)/i.test(body)
}
