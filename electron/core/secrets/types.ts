/** How bad a finding is: `fail` for a live secret, `warn` for keys that are often public by design. */
export type FindingSeverity = 'fail' | 'warn'

/** One secret found in some text. The raw value is never kept: only its mask. */
export interface SecretFinding {
  /** Rule id: ours ("stripe-live-key") or secretlint's ("@secretlint/secretlint-rule-aws"). */
  rule: string
  /** What was found, in words ("Stripe live secret key"). */
  title: string
  severity: FindingSeverity
  /** File path, URL, or "commit:path" for history. */
  path: string
  /** 1-based line and column. */
  line: number
  column: number
  /** The value masked, e.g. "sk_l…[redacted]". */
  masked: string
  /** For findings in git history: the commit that added the line. */
  commit?: string
  /** Repository scans: whether the secret is still in the working tree (else only in history). */
  inWorkingTree?: boolean
  /**
   * A key every visitor is meant to receive (a Firebase web key, a browser Maps key): never a
   * "secret", at most a reminder to check the key's restrictions.
   */
  publicByDesign?: boolean
}

/** A match in a text before it becomes a finding: offsets into the text. */
export interface RawMatch {
  rule: string
  title: string
  severity: FindingSeverity
  start: number
  end: number
  /** The range is approximate (some secretlint rules report it off by the key name): mask without a prefix. */
  opaque?: boolean
  /** See SecretFinding.publicByDesign. */
  publicByDesign?: boolean
}
