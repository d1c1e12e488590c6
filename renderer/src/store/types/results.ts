import type { CheckInfo, CheckResultInfo, EvidenceInfo } from '@shared/contract/checks'
import type { TimelineItem } from '@shared/contract/evidence'
import type { ErrorInfo } from '@shared/errors'

export type FullResult = CheckResultInfo & { evidence: EvidenceInfo[] }

/** The result detail screen: one result with its evidence, its check, and its history. */
export interface ResultState {
  resultId: number | null
  loading: boolean
  data: FullResult | null
  /** Earlier outcomes of the same check × target, newest first. */
  history: TimelineItem[]
  error: ErrorInfo | null
  /** The check catalog, fetched once. */
  catalog: CheckInfo[] | null
  /** The latest result per check × target of one engagement, for the pictures. */
  latest: { engagementId: string; items: CheckResultInfo[] | null; error: ErrorInfo | null } | null
  /** A Re-run of the shown result's check in progress (its run id), else null. */
  rerun: string | null
}

export interface Hop {
  url: string
  status: number | null
  location: string | null
  ms: number | null
}

export interface Cert {
  subject: string
  issuer: string
  validFrom: string
  validTo: string
  pem: string
}

/** How an evidence item is best shown: chosen from its shape, so new kinds fall back to JSON. */
export type EvidenceView =
  | { type: 'dns'; server: string; question: string; rcode: string; ms: number | null; records: { name: string; type: string; ttl: number; data: string }[] }
  | { type: 'redirects'; hops: Hop[] }
  | { type: 'http'; url: string; status: number | null; headers: [string, string][]; body: string | null }
  | { type: 'certs'; certs: Cert[] }
  | { type: 'json' }

export interface ResultActions {
  /** Open a result's detail screen (any screen with a result row calls this). */
  openResult(resultId: number): Promise<void>
  /** Load the result a route points at (the screen calls this on mount). */
  loadResult(resultId: number): Promise<void>
  /** Open the latest result of a check × target (e.g. from an evidence item). */
  openLatestResult(engagementId: string, checkId: string, target: string): Promise<void>
  /** Fetch the latest results of an engagement (the pictures draw from their details). */
  loadLatestResults(engagementId: string): Promise<void>
  /** Run one check again for an engagement (a real run, with its events), then show its new result for this target. */
  rerunResult(engagementId: string, checkId: string, target: string): Promise<void>
}
