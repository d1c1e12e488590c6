/** One page drawn by pdf.ts: a PNG as an object URL (revoke it when done) and its pixel size. */
export interface PageImage {
  url: string
  width: number
  height: number
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
