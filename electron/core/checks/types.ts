import type { Engagement, Host } from '@shared/schemas/engagement'
import type { NetworkProfile } from '../net/profile'
import type { Resolver } from '../net/dns/resolver'
import type { KeyedLimiter } from './limiter'
import type { ProviderServices } from '../providers'
import type { HttpClient } from '../net/http/client'
import type { TlsProber } from '../net/tls/probe'
import type { ProbeConsent, ProbeSettings } from '@shared/schemas/probes'

/** (contract) The five statuses of a check result. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'error' | 'skip'

/** (contract) The check id families of DESIGN.md §4. */
export type CheckArea = 'dns' | 'mail' | 'tls' | 'http' | 'cf' | 'reg' | 'host' | 'mon' | 'secrets' | 'abuse' | 'ai' | 'obs'

/** The seven sprint stages a check belongs to. */
export type SprintStage = 'quick-audit' | 'dns-routing' | 'deployment' | 'security' | 'caching' | 'monitoring' | 'handover'

export interface CheckMeta {
  /** (contract) e.g. "dns.delegation". */
  id: string
  title: string
  area: CheckArea
  stage: SprintStage
  /** Why it matters to the business, in one sentence a founder understands. */
  why: string
  /** How to fix a failure, in a few plain sentences. */
  fix: string
  /** Related runbook id, if any. */
  runbook?: string
  /**
   * How a person checks the same thing without the app: a plain command (dig, curl, openssl…)
   * with {domain} or {host} placeholders, and what its output should show when all is well.
   * Printed in the handover's runbooks beside each verify step.
   */
  byHand?: { command: string; expect: string }
  /** What one run targets: the primary domain once, each declared host, or the engagement. */
  scope: 'domain' | 'host' | 'engagement'
  /** Needs the network (offline runs end at once as error "offline"). */
  network: boolean
  /** Overrides the profile's per-check timeout. */
  timeoutMs?: number
  /**
   * 'timing': the check measures the site's speed, so it runs in a phase of its own after every
   * other check of the run has finished (their work would otherwise be timed as the site's).
   */
  phase?: 'timing'
  /**
   * Checks this one follows: it starts once they have finished in the same run (and reads their
   * outcomes through `ctx.earlier`), and a run that selects one of them runs this one too, when
   * it has work for the engagement (http.smoke follows host.deploy: right after a deploy is when
   * a smoke flow matters).
   */
  follows?: string[]
}

/** One raw observation: a DNS answer, an HTTP exchange, a certificate chain, an API excerpt. Never secrets. */
export interface EvidenceItem {
  kind: string
  /** A short label a person reads in the evidence viewer. */
  label: string
  data: unknown
}

export interface CheckOutcome {
  status: CheckStatus
  /** One line a founder can read. */
  summary: string
  details?: Record<string, unknown>
  evidence?: EvidenceItem[]
}

/** Per-template thresholds (a template may tighten the catalog defaults). */
export interface Thresholds {
  p95PassMs: number
  p95WarnMs: number
  certWarnDays: number
  certFailDays: number
  domainWarnDays: number
  domainFailDays: number
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  p95PassMs: 300,
  p95WarnMs: 500,
  certWarnDays: 30,
  certFailDays: 7,
  domainWarnDays: 60,
  domainFailDays: 14,
}

export interface CheckContext {
  engagement: Engagement
  /** The primary domain (punycode). */
  domain: string
  /** What this run targets: the domain, a host name, or the engagement id. */
  target: string
  host?: Host
  profile: NetworkProfile
  thresholds: Thresholds
  signal: AbortSignal
  /** Shared network services for this run (resolver, HTTP client, TLS probe, providers). */
  services: CheckServices
  /** Outcomes, in this run, of a check named in `meta.follows` (one per target). */
  earlier?(checkId: string): CheckOutcome[]
}

/** A provider credential for one run: from the keychain, or a lab scenario's in-memory token. */
export interface ProviderCredential {
  id: string
  provider: string
  label: string
  secret: string
}

/** Where checks get provider credentials; a missing credential makes a provider check `skip`. */
export interface CredentialSource {
  get(provider: string): Promise<ProviderCredential | null>
  /** Work before a run reads credentials (the keychain source verifies rotations stored offline). */
  prepare?(): Promise<void>
}

/**
 * Network and provider services a check can use. Each family adds its service here as it
 * lands (dns by the DNS family, http/tls by the web family, providers by the vault issue).
 */
export interface CheckServices {
  credentials: CredentialSource
  /** DNS stub resolver (recursive, authoritative, DoH); cached per run. */
  dns: Resolver
  /** Per-key (host) concurrency limit for polite network use: `limiter.run(host, fn)`. */
  limiter: KeyedLimiter
  /** HTTP client of the run (connect-to, extra CAs, reuse, per-host limit, capped bodies). */
  http: HttpClient
  /** TLS prober (chain, trust, name match, legacy protocol probes). */
  tls: TlsProber
  /** Provider API clients (Cloudflare, RDAP, Vercel, Netlify, UptimeRobot, Better Stack). */
  providers: ProviderServices
  /** Facts people recorded in the workspace that a check may fall back to (a registrar verdict). */
  recorded?: RecordedFacts
  /** Git repositories to scan for secrets (name → local path or clone URL): an engagement's, a lab scenario's, the CLI's --repo. */
  repos?: Record<string, string>
  /** Where clones of the engagement's repositories go (the workspace's repos folder); a temporary folder without. */
  repoDir?: string
}

/** What a person recorded, read by checks where an API cannot tell. */
export interface RecordedFacts {
  registrarVerdict(engagementId: string): { holder: string; founderControls: boolean; by: string; note: string; recordedAt: string } | null
  /** The consent the probes run under (abuse.rate-limit, ai.injection); none: they send nothing. */
  probeConsent?(engagementId: string): ProbeConsent | null
  /** The probe declarations: endpoints and smoke flows (http.smoke). */
  probeSettings?(engagementId: string): ProbeSettings
}

export interface CheckModule {
  meta: CheckMeta
  /** Whether this check applies to the engagement/host at all (otherwise it is not run). */
  applies?(engagement: Engagement, host?: Host): boolean
  /** Whether a run that did not select it should add it as a follower (see `meta.follows`). */
  hasWork?(engagement: Engagement, services: CheckServices): boolean
  run(ctx: CheckContext): Promise<CheckOutcome>
}
