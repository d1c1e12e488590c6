/** One thing wrong with a screen's layout, as the probe saw it. */
export interface LayoutProblem {
  what: 'page scrolls sideways' | 'content clipped or spilling' | 'control leaves the viewport' | 'control leaves its container'
  element: string
  detail: string
}

/**
 * Evaluated in the page (a string: the e2e files are typed for Node, without the DOM library).
 * It reports:
 * - the document scrolling sideways;
 * - any rendered element whose content is wider than its box (scrollWidth > clientWidth), except
 *   text cut deliberately with an ellipsis that keeps the whole text in a title, and code blocks
 *   (pre) whose own scrollbar is the way to read a long line;
 * - any control (button, input, select, textarea, link) whose box leaves the viewport or the
 *   nearest ancestor that clips or scrolls sideways.
 * Visually hidden elements (1×1 boxes for screen readers) are skipped.
 */
export const LAYOUT_PROBE = `(() => {
  const out = []
  const vw = document.documentElement.clientWidth
  const root = document.scrollingElement || document.documentElement
  if (root.scrollWidth > root.clientWidth + 1) out.push({ what: 'page scrolls sideways', element: 'html', detail: root.scrollWidth + ' > ' + root.clientWidth })
  const describe = (el) => {
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : ''
    const text = (el.getAttribute('aria-label') || el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 50)
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls + (text ? ' "' + text + '"' : '')
  }
  const shown = (el, r, cs) => r.width > 1 && r.height > 1 && cs.visibility !== 'hidden' && cs.display !== 'none' && cs.clipPath === 'none' && cs.clip === 'auto' && Number(cs.opacity) > 0
  const isControl = (el) => el.matches('button, input:not([type=hidden]), select, textarea, a[href], [role=button]')
  const clipper = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX
      if (x !== 'visible') return p
    }
    return null
  }
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue
    const r = el.getBoundingClientRect()
    const cs = getComputedStyle(el)
    if (!shown(el, r, cs)) continue
    if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && cs.display !== 'inline') {
      const ellipsis = cs.textOverflow === 'ellipsis' && (el.title || el.closest('[title]'))
      const code = el.tagName === 'PRE' || el.closest('pre')
      if (!ellipsis && !code) out.push({ what: 'content clipped or spilling', element: describe(el), detail: 'scrollWidth ' + el.scrollWidth + ' > clientWidth ' + el.clientWidth })
    }
    if (!isControl(el)) continue
    if (r.left < -1 || r.right > vw + 1) {
      out.push({ what: 'control leaves the viewport', element: describe(el), detail: Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + vw })
      continue
    }
    const c = clipper(el)
    if (c) {
      const cr = c.getBoundingClientRect()
      if (r.left < cr.left - 1 || r.right > cr.right + 1) out.push({ what: 'control leaves its container', element: describe(el), detail: Math.round(r.left) + '..' + Math.round(r.right) + ' outside ' + describe(c).slice(0, 60) + ' ' + Math.round(cr.left) + '..' + Math.round(cr.right) })
    }
  }
  return out.slice(0, 40)
})()`
