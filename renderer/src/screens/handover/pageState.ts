/** One page drawn by pdf.ts: a PNG as an object URL (revoke it when done) and its pixel size. */
export interface PageImage {
  url: string
  width: number
  height: number
}

/** The page preview: fetching and opening the PDF, drawing thumbnails, done, or failed. */
export interface PagesState {
  phase: 'loading' | 'rendering' | 'ready' | 'error'
  /** One slot per page; null until that thumbnail is drawn. */
  thumbs: (PageImage | null)[]
  /** The page shown large (0-based). */
  selected: number
  error: string | null
}

export const initialPages: PagesState = { phase: 'loading', thumbs: [], selected: 0, error: null }

/** The PDF is open: `count` empty thumbnail slots, the first page selected. */
export function opened(s: PagesState, count: number): PagesState {
  return { ...s, phase: count ? 'rendering' : 'ready', thumbs: Array.from({ length: count }, () => null), selected: 0 }
}

/** Thumbnail `i` is drawn; the preview is ready when every one is. */
export function thumbDrawn(s: PagesState, i: number, image: PageImage): PagesState {
  const thumbs = s.thumbs.map((t, j) => (j === i ? image : t))
  return { ...s, thumbs, phase: s.phase === 'rendering' && thumbs.every(Boolean) ? 'ready' : s.phase }
}

export function failed(s: PagesState, error: string): PagesState {
  return { ...s, phase: 'error', error }
}

/** How many thumbnails are drawn (for the progress bar). */
export function drawnCount(s: PagesState): number {
  return s.thumbs.filter(Boolean).length
}

/**
 * The page a key moves the selection to in a list of `count` pages, or null when the key does
 * not move it: arrows step (either axis), Home and End jump, and the ends do not wrap.
 */
export function pageForKey(selected: number, key: string, count: number): number | null {
  if (count === 0) return null
  const next =
    key === 'ArrowDown' || key === 'ArrowRight' || key === 'PageDown'
      ? selected + 1
      : key === 'ArrowUp' || key === 'ArrowLeft' || key === 'PageUp'
        ? selected - 1
        : key === 'Home'
          ? 0
          : key === 'End'
            ? count - 1
            : null
  return next === null ? null : Math.min(count - 1, Math.max(0, next))
}
