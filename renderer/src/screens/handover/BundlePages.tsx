import { useEffect, useReducer, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import { useActions } from '../../hooks/useStore'
import { Icon } from '../../components/Icon'
import type { PdfPages } from './pdf'
import { pageForKey, type PageImage } from './pageState'
import { cachedPage, drawPage, known, openDoc } from './pageCache'

/** The bundle's operating guide (DESIGN.md §7 names it). */
const GUIDE = 'handover.pdf'
const THUMB_WIDTH = 112
const PAGE_WIDTH = 720

type Doc = { hash: string; pdf: PdfPages }
const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * The pages of a bundle's PDF: thumbnails down the side (arrow keys, Home and End move between
 * them) and the selected page large. The large page is drawn first; a thumbnail is drawn when it
 * scrolls into view; every drawn page is kept for the session (pageCache.ts), so a revisit shows
 * the first page at once. pdf.js is loaded here on first use, not with the app.
 */
export function BundlePages({ engagementId, bundle }: { engagementId: string; bundle: string }) {
  const { bundleFileBytes } = useActions()
  const bundleKey = `${engagementId}/${bundle}`
  const [info, setInfo] = useState(() => known(bundleKey))
  const [fromCache] = useState(() => !!(info && cachedPage(info.hash, 1, PAGE_WIDTH)))
  const [doc, setDoc] = useState<Doc | null>(null)
  const [selected, setSelected] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [, redraw] = useReducer((x: number) => x + 1, 0)
  const thumbsRef = useRef<HTMLDivElement>(null)
  const selectedRef = useRef(selected)
  selectedRef.current = selected

  // Open the PDF (the session's open one when it is this bundle's: nothing is fetched again).
  useEffect(() => {
    let live = true
    openDoc(bundleKey, () => bundleFileBytes(bundle, GUIDE)).then(
      (d) => {
        if (!live) return
        setDoc(d)
        setInfo({ hash: d.hash, count: d.pdf.count })
      },
      (e: unknown) => live && setError(message(e)),
    )
    return () => {
      live = false
    }
  }, [bundleKey, bundle, bundleFileBytes])

  // Draw the selected page large, before any thumbnail; kept for the session.
  const large = info ? cachedPage(info.hash, selected + 1, PAGE_WIDTH) : null
  useEffect(() => {
    if (!doc || large) return
    let live = true
    drawPage({ ...doc, page: selected + 1, width: PAGE_WIDTH, urgent: true, wanted: () => live && selectedRef.current === selected }).then(
      (image) => live && image && redraw(),
      (e: unknown) => live && setError(message(e)),
    )
    return () => {
      live = false
    }
  }, [doc, selected, large])

  const count = info?.count ?? 0
  const select = (i: number) => {
    setSelected(i)
    document.getElementById(`pdf-page-${i}`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }
  const onKey = (e: KeyboardEvent) => {
    const next = pageForKey(selected, e.key, count)
    if (next === null) return
    e.preventDefault()
    select(next)
  }

  if (error)
    return (
      <div className="banner banner-error" role="alert" data-testid="pages-error">
        <Icon name="alert" />
        <span>
          <strong>The pages could not be shown.</strong> {error} Verify the bundle to check its files, or open {GUIDE} from the bundle folder.
        </span>
      </div>
    )
  return (
    <div className="ho-pages" data-phase={info ? 'ready' : 'loading'}>
      {!info && (
        <p className="small muted" role="status">
          Opening {GUIDE}…
        </p>
      )}
      {info && count > 0 && (
        <div className="ho-pages-body">
          <div
            ref={thumbsRef}
            className="ho-thumbs"
            role="listbox"
            tabIndex={0}
            aria-label={`Pages of ${GUIDE}`}
            aria-orientation="vertical"
            aria-activedescendant={`pdf-page-${selected}`}
            onKeyDown={onKey}
            data-testid="page-thumbs"
          >
            {Array.from({ length: count }, (_, i) => (
              <Thumb key={i} index={i} hash={info.hash} doc={doc} selected={i === selected} root={thumbsRef} onSelect={select} />
            ))}
          </div>
          <figure className="ho-page" data-testid="page-view" data-page={selected + 1} data-source={fromCache ? 'cache' : 'drawn'}>
            {large ? (
              <img src={large.url} alt={`Page ${selected + 1} of ${count} of ${GUIDE}`} width={PAGE_WIDTH} height={Math.round((PAGE_WIDTH * large.height) / large.width)} />
            ) : (
              <div className="ho-page-wait" role="status">
                Drawing page {selected + 1}…
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

/** One thumbnail: drawn when it scrolls into the list's view (or from the session's cache). */
function Thumb(p: { index: number; hash: string; doc: Doc | null; selected: boolean; root: RefObject<HTMLDivElement | null>; onSelect: (i: number) => void }) {
  const { index, hash, doc } = p
  const ref = useRef<HTMLDivElement>(null)
  const [image, setImage] = useState<PageImage | null>(() => cachedPage(hash, index + 1, THUMB_WIDTH))
  const [seen, setSeen] = useState(false)

  // note when the slot comes within a screen of the list's visible part
  useEffect(() => {
    const el = ref.current
    if (!el || image || seen) return
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true), { root: p.root.current, rootMargin: '300px' })
    io.observe(el)
    return () => io.disconnect()
  }, [image, seen, p.root])

  useEffect(() => {
    if (!seen || image || !doc) return
    let live = true
    drawPage({ ...doc, page: index + 1, width: THUMB_WIDTH, urgent: false, wanted: () => live }).then(
      (img) => live && img && setImage(img),
      () => {}, // a thumbnail that cannot be drawn stays blank; the large page says why
    )
    return () => {
      live = false
    }
  }, [seen, image, doc, index])

  const shown = image ?? cachedPage(hash, index + 1, PAGE_WIDTH)
  return (
    <div ref={ref} id={`pdf-page-${index}`} role="option" aria-selected={p.selected} aria-label={`Page ${index + 1}`} className="ho-thumb" data-drawn={!!image} onClick={() => p.onSelect(index)}>
      {shown ? <img src={shown.url} alt="" width={THUMB_WIDTH} height={Math.round((THUMB_WIDTH * shown.height) / shown.width)} /> : <span className="ho-thumb-wait" aria-hidden="true" />}
      <span className="small muted" aria-hidden="true">
        {index + 1}
      </span>
    </div>
  )
}
