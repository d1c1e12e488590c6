import { useEffect, useState, type KeyboardEvent } from 'react'
import { useActions } from '../../hooks/useStore'
import { Icon } from '../../components/Icon'
import type { PdfPages } from './pdf'
import { drawnCount, failed, initialPages, opened, pageForKey, thumbDrawn, type PageImage, type PagesState } from './pageState'

/** The bundle's operating guide (DESIGN.md §7 names it). */
const GUIDE = 'handover.pdf'
const THUMB_WIDTH = 112
const PAGE_WIDTH = 720

/** An open PDF and the large page images drawn from it (revoked when it closes). */
interface OpenDoc {
  pdf: PdfPages
  pages: Map<number, PageImage>
  closed: boolean
}

function close(d: OpenDoc): void {
  d.closed = true
  void d.pdf.close()
  d.pages.forEach((p) => URL.revokeObjectURL(p.url))
}

/**
 * The pages of a bundle's PDF: thumbnails down the side (arrow keys, Home and End move between
 * them) and the selected page large. pdf.js is loaded here on first use, not with the app.
 */
export function BundlePages({ bundle }: { bundle: string }) {
  const { bundleFileBytes } = useActions()
  const [s, setS] = useState<PagesState>(initialPages)
  const [doc, setDoc] = useState<OpenDoc | null>(null)
  const [large, setLarge] = useState<PageImage | null>(null)

  // Fetch and open the PDF, then draw every thumbnail in turn.
  useEffect(() => {
    let live = true
    let current: OpenDoc | null = null
    const thumbs: string[] = []
    setS(initialPages)
    setDoc(null)
    setLarge(null)
    ;(async () => {
      try {
        const [bytes, lib] = await Promise.all([bundleFileBytes(bundle, GUIDE), import('./pdf')])
        const pdf = await lib.openPdf(bytes)
        current = { pdf, pages: new Map(), closed: false }
        if (!live) return close(current)
        setDoc(current)
        setS((x) => opened(x, pdf.count))
        for (let i = 0; i < pdf.count && live; i++) {
          const image = await pdf.render(i + 1, THUMB_WIDTH)
          if (!live) return URL.revokeObjectURL(image.url)
          thumbs.push(image.url)
          setS((x) => thumbDrawn(x, i, image))
        }
      } catch (e) {
        if (live) setS((x) => failed(x, e instanceof Error ? e.message : String(e)))
      }
    })()
    return () => {
      live = false
      if (current) close(current)
      thumbs.forEach((u) => URL.revokeObjectURL(u))
    }
  }, [bundle, bundleFileBytes])

  // Draw the selected page large (once per page; kept while this document is open).
  const { selected } = s
  useEffect(() => {
    if (!doc) return
    const cached = doc.pages.get(selected)
    setLarge(cached ?? null)
    if (cached) return
    let live = true
    doc.pdf.render(selected + 1, PAGE_WIDTH).then(
      (image) => {
        if (doc.closed || doc.pages.has(selected)) return URL.revokeObjectURL(image.url)
        doc.pages.set(selected, image)
        if (live) setLarge(image)
      },
      (e: unknown) => live && !doc.closed && setS((x) => failed(x, e instanceof Error ? e.message : String(e))),
    )
    return () => {
      live = false
    }
  }, [doc, selected])

  const count = s.thumbs.length
  const select = (i: number) => {
    setS((x) => ({ ...x, selected: i }))
    document.getElementById(`pdf-page-${i}`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }
  const onKey = (e: KeyboardEvent) => {
    const next = pageForKey(selected, e.key, count)
    if (next === null) return
    e.preventDefault()
    select(next)
  }

  if (s.phase === 'error')
    return (
      <div className="banner banner-error" role="alert" data-testid="pages-error">
        <Icon name="alert" />
        <span>
          <strong>The pages could not be shown.</strong> {s.error} Verify the bundle to check its files, or open {GUIDE} from the bundle folder.
        </span>
      </div>
    )
  const drawn = drawnCount(s)
  return (
    <div className="ho-pages" data-phase={s.phase}>
      {s.phase !== 'ready' && (
        <div className="ho-progress">
          <progress max={count || 1} value={drawn} aria-label="Page preview progress" />
          <p className="small muted" role="status">
            {s.phase === 'loading' ? `Opening ${GUIDE}…` : `Rendering page ${Math.min(drawn + 1, count)} of ${count}…`}
          </p>
        </div>
      )}
      {count > 0 && (
        <div className="ho-pages-body">
          <div
            className="ho-thumbs"
            role="listbox"
            tabIndex={0}
            aria-label={`Pages of ${GUIDE}`}
            aria-orientation="vertical"
            aria-activedescendant={`pdf-page-${selected}`}
            onKeyDown={onKey}
            data-testid="page-thumbs"
          >
            {s.thumbs.map((t, i) => (
              <div key={i} id={`pdf-page-${i}`} role="option" aria-selected={i === selected} aria-label={`Page ${i + 1}`} className="ho-thumb" onClick={() => select(i)}>
                {t ? <img src={t.url} alt="" width={THUMB_WIDTH} height={Math.round((THUMB_WIDTH * t.height) / t.width)} /> : <span className="ho-thumb-wait" aria-hidden="true" />}
                <span className="small muted" aria-hidden="true">
                  {i + 1}
                </span>
              </div>
            ))}
          </div>
          <figure className="ho-page" data-testid="page-view" data-page={selected + 1}>
            {large ? (
              <img src={large.url} alt={`Page ${selected + 1} of ${count} of ${GUIDE}`} width={PAGE_WIDTH} height={Math.round((PAGE_WIDTH * large.height) / large.width)} />
            ) : (
              <div className="ho-page-wait" role="status">
                Rendering page {selected + 1}…
              </div>
            )}
            <figcaption className="small muted">
              Page {selected + 1} of {count} · use the arrow keys in the page list to move
            </figcaption>
          </figure>
        </div>
      )}
    </div>
  )
}
