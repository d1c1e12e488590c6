/** (contract) The RFC 7208 check_host() results. */
export type SpfResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror'

export type Qualifier = '+' | '-' | '~' | '?'

export type MechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists'

export interface Mechanism {
  kind: 'mechanism'
  qualifier: Qualifier
  name: MechanismName
  /** Raw term text as written. */
  text: string
  domainSpec?: string
  ip?: string
  cidr4?: number
  cidr6?: number
}

export interface Modifier {
  kind: 'modifier'
  name: string
  value: string
  text: string
}

export interface SpfRecord {
  terms: Mechanism[]
  redirect?: string
  exp?: string
  unknown: Modifier[]
}

/** Thrown while parsing or evaluating; ends check_host() with this result. */
export class SpfError extends Error {
  constructor(
    readonly result: 'permerror' | 'temperror',
    message: string,
  ) {
    super(message)
    this.name = 'SpfError'
  }
}

/** One domain's record in the evaluation tree, with the DNS-querying terms it cost. */
export interface SpfNode {
  domain: string
  record?: string
  via: 'top' | 'include' | 'redirect'
  /** DNS-querying terms evaluated in this record (include, a, mx, ptr, exists, redirect). */
  lookups: number
  /** Lookups of this node and everything under it. */
  totalLookups: number
  voidLookups: number
  result?: SpfResult
  error?: string
  /** The term that matched, if any. */
  matched?: string
  children: SpfNode[]
}

export interface SpfEvaluation {
  result: SpfResult
  explanation: string
  /** DNS-querying terms counted across the whole evaluation (the 10-term limit). */
  lookups: number
  voidLookups: number
  tree: SpfNode
  /** Why a permerror/temperror happened. */
  error?: string
}
