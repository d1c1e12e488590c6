import type { Content, StyleDictionary } from 'pdfmake/interfaces'

type Node = Record<string, unknown>

/**
 * The content with every named style (`style: 'td'`, or a list of names) written into its node:
 * `{ style: 'td', text }` becomes `{ fontSize: 8.5, text }`, the node's own properties winning,
 * as they do over a named style. pdfmake pushes a node's properties onto its style stack as it
 * pushes its named styles, so children inherit them alike and the pages come out the same; but a
 * named style is looked up for each of ~20 text properties of every text run below it, each
 * lookup building a Set, which cost about 10% of a handover render (docs/performance.md, pdf).
 * Unknown names are dropped, as pdfmake ignores them. A new tree; the input is not changed.
 */
export function inlineStyles(content: Content, styles: StyleDictionary): Content {
  return walk(content, styles) as Content
}

function walk(node: unknown, styles: StyleDictionary): unknown {
  if (Array.isArray(node)) return node.map((n) => walk(n, styles))
  if (!node || typeof node !== 'object') return node
  const { style, ...own } = node as Node
  const out: Node = { ...named(style, styles), ...own }
  for (const key of ['text', 'stack', 'columns', 'ul', 'ol']) if (key in own && typeof own[key] === 'object') out[key] = walk(own[key], styles)
  const table = own.table as Node | undefined
  if (table && Array.isArray(table.body)) out.table = { ...table, body: table.body.map((row) => walk(row, styles)) }
  return out
}

/** The properties of one or several named styles, later names winning (pdfmake's order). */
function named(style: unknown, styles: StyleDictionary): Node {
  const names = Array.isArray(style) ? style : style === undefined ? [] : [style]
  const out: Node = {}
  for (const name of names) if (typeof name === 'string' && Object.hasOwn(styles, name)) Object.assign(out, styles[name])
  return out
}
