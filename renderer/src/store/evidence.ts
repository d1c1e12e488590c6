import type { TimelineItem } from '@shared/contract/evidence'
import { toErrorInfo, type Transport } from '../transport/types'
import type { SliceApi } from './types'
import type { EvidenceFilters, EvidenceState, EvidenceActions } from './types/evidence'

export type { EvidenceFilters, EvidenceState, EvidenceActions } from './types/evidence'

export const noFilters: EvidenceFilters = { q: '', checkId: '', target: '', status: '', kind: '', from: '', to: '' }

export const initialEvidence: EvidenceState = {
  engagementId: null,
  filters: noFilters,
  rows: [],
  next: null,
  total: 0,
  loading: false,
  error: null,
  open: null,
  openError: null,
}

/** Rows per request: big enough to fill a screen twice, small enough to answer fast. */
export const PAGE = 200

/** Start over (new engagement or filters): clears the list but keeps the filters asked for. */
export function timelineReset(s: EvidenceState, engagementId: string, filters: EvidenceFilters): EvidenceState {
  const same = s.engagementId === engagementId
  return { ...initialEvidence, engagementId, filters, open: same ? s.open : null, loading: true }
}

/**
 * A page arrived: append it (older rows come after newer ones). Pages are keyset-ordered by
 * descending id, so anything not older than the last row is a duplicate: O(page), not O(list).
 */
export function pageLoaded(s: EvidenceState, page: { rows: TimelineItem[]; next: number | null; total: number | null }): EvidenceState {
  const last = s.rows.length ? s.rows[s.rows.length - 1].id : Infinity
  const fresh = page.rows.filter((r) => r.id < last)
  // later pages come without a count: the first page's total still holds
  return { ...s, rows: s.rows.length ? [...s.rows, ...fresh] : fresh, next: page.next, total: page.total ?? s.total, loading: false, error: null }
}

/** Whether scrolling near the end should fetch another page. */
export function canLoadMore(s: EvidenceState): boolean {
  return !s.loading && !s.error && s.next !== null
}

/** The filters as evidenceTimeline input: empty fields are left out; dates become ISO bounds. */
export function timelineInput(engagementId: string, f: EvidenceFilters, before?: number, limit = PAGE) {
  const day = (v: string, end: boolean) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : v)
  return {
    engagementId,
    limit,
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(f.checkId.trim() ? { checkId: f.checkId.trim() } : {}),
    ...(f.target.trim() ? { target: f.target.trim().toLowerCase() } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.kind.trim() ? { kind: f.kind.trim() } : {}),
    ...(f.from.trim() ? { from: day(f.from.trim(), false) } : {}),
    ...(f.to.trim() ? { to: day(f.to.trim(), true) } : {}),
    ...(before !== undefined ? { before } : {}),
  }
}

/** How many filters are set, for the "Clear (n)" button. */
export function activeFilters(f: EvidenceFilters): number {
  return Object.values(f).filter((v) => v !== '').length
}

type Api = SliceApi

/** Store actions of the evidence timeline; only the newest request may write. */
export function evidenceActions(transport: Transport, set: Api['setState'], get: Api['getState']): EvidenceActions {
  const patch = (f: (e: EvidenceState) => EvidenceState) => set((s) => ({ evidence: f(s.evidence) }))
  let seq = 0
  let openSeq = 0
  const fetchPage = async (mine: number, engagementId: string, filters: EvidenceFilters, before?: number, replace = false) => {
    try {
      const page = await transport.call('evidenceTimeline', { ...timelineInput(engagementId, filters, before), count: before === undefined })
      if (mine === seq) patch((e) => pageLoaded(replace ? { ...e, rows: [] } : e, page))
    } catch (err) {
      if (mine === seq) patch((e) => ({ ...e, loading: false, error: toErrorInfo(err) }))
    }
  }
  return {
    async loadTimeline(engagementId, filters) {
      const mine = ++seq
      const f = filters ?? (get().evidence.engagementId === engagementId ? get().evidence.filters : noFilters)
      patch((e) => timelineReset(e, engagementId, f))
      await fetchPage(mine, engagementId, f)
    },
    async loadMoreTimeline() {
      const e = get().evidence
      if (!canLoadMore(e) || !e.engagementId || e.next === null) return
      const mine = seq
      patch((x) => ({ ...x, loading: true }))
      await fetchPage(mine, e.engagementId, e.filters, e.next)
    },
    async openEvidence(id) {
      const mine = ++openSeq
      try {
        const item = await transport.call('getEvidence', { id })
        if (mine === openSeq) patch((e) => ({ ...e, open: item, openError: null }))
      } catch (err) {
        if (mine === openSeq) patch((e) => ({ ...e, open: null, openError: toErrorInfo(err) }))
      }
    },
    refreshAfterRun(engagementId) {
      const r = get().ui.route
      if (!('id' in r) || r.id !== engagementId) return
      // reload only a list that shows its first page: never yank a scrolled-back list away
      const ev = get().evidence
      // the old rows stay until the fresh first page replaces them: no flash of an empty list
      if (r.name === 'evidence' && ev.engagementId === engagementId && ev.rows.length <= PAGE) void fetchPage(++seq, engagementId, ev.filters, undefined, true)
      if (r.name === 'pictures') void get().loadLatestResults(engagementId)
    },
    closeEvidence: () => {
      openSeq++
      patch((e) => ({ ...e, open: null, openError: null }))
    },
  }
}
