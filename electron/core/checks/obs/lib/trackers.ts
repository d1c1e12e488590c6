/**
 * Browser error trackers as they show in a live site's scripts: the script hosts their SDKs load
 * from, the calls that start them, the public key each uses (a Sentry DSN, a Bugsnag API key, a
 * Rollbar post_client_item token, a Datadog client token, a PostHog project key: all are meant to
 * ship to browsers, so finding one is not a leak), and where each tags the release.
 */
export interface Tracker {
  name: string
  loginUrl: string
  /** Hosts its browser SDK or loader is served from. */
  hosts: RegExp
  /** Code that starts it (inline or in a same-site bundle). */
  init: RegExp
  /** The public key; group 1 is the key. */
  key?: RegExp
  /** The release/version tag; group 1 is its value. */
  release: RegExp
  /** For SDKs that are more than error tracking (PostHog): only counts when exceptions are captured. */
  requires?: RegExp
  keyNote: string
}

const STR = `["'\`]([^"'\`\\s]{1,120})["'\`]`

export const TRACKERS: Tracker[] = [
  {
    name: 'Sentry',
    loginUrl: 'https://sentry.io/',
    hosts: /(^|\.)sentry-cdn\.com$/,
    init: /\bSentry\.init\s*\(|@sentry\/(?:browser|react|nextjs|vue|svelte)|\bsentryOnLoad\b|\b__SENTRY__\b/,
    key: /https:\/\/([0-9a-f]{16,64})@(?:o\d+\.)?ingest\.(?:[a-z]{2}\.)?sentry\.io\/\d+/,
    release: new RegExp(`\\brelease\\s*:\\s*${STR}|\\bSENTRY_RELEASE\\s*=\\s*\\{\\s*id\\s*:\\s*${STR}`),
    keyNote: 'A Sentry DSN only lets browsers send events to the project; it is public by design. Limit abuse with Allowed Domains and rate limits in Sentry.',
  },
  {
    name: 'Bugsnag',
    loginUrl: 'https://app.bugsnag.com/',
    hosts: /(^|\.)bugsnag\.com$|^d2wy8f7a9ursnm\.cloudfront\.net$/,
    init: /\bBugsnag\.start\s*\(|@bugsnag\/js/,
    key: /apiKey\s*:\s*["']([0-9a-f]{32})["']/,
    release: new RegExp(`\\bappVersion\\s*:\\s*${STR}`),
    keyNote: 'A Bugsnag notifier API key only lets browsers report errors; it is public by design.',
  },
  {
    name: 'Rollbar',
    loginUrl: 'https://rollbar.com/',
    hosts: /(^|\.)rollbar\.com$/,
    init: /\b_rollbarConfig\b|\bRollbar\.init\s*\(/,
    key: /accessToken\s*:\s*["']([0-9a-f]{32})["']/,
    release: new RegExp(`\\bcode_version["']?\\s*:\\s*${STR}`),
    keyNote: 'A Rollbar post_client_item token only lets browsers report errors; it is public by design (a post_server_item or read token must never ship).',
  },
  {
    name: 'Datadog RUM',
    loginUrl: 'https://app.datadoghq.com/rum/',
    hosts: /(^|\.)datadoghq-browser-agent\.com$/,
    init: /\bDD_RUM\.init\s*\(|\bdatadogRum\.init\s*\(|@datadog\/browser-rum/,
    key: /clientToken\s*:\s*["'](pub[0-9a-f]{32})["']/,
    release: new RegExp(`\\bversion\\s*:\\s*${STR}`),
    keyNote: 'A Datadog client token (pub…) only lets browsers send RUM data; it is public by design, unlike an API or application key.',
  },
  {
    name: 'Highlight',
    loginUrl: 'https://app.highlight.io/',
    hosts: /(^|\.)highlight\.(?:run|io)$/,
    init: /\bH\.init\s*\(|highlight\.run/,
    key: /H\.init\s*\(\s*["']([a-z0-9]{4,40})["']/,
    release: new RegExp(`\\bversion\\s*:\\s*${STR}`),
    keyNote: 'A Highlight project id is public by design.',
  },
  {
    name: 'PostHog',
    loginUrl: 'https://app.posthog.com/',
    hosts: /(^|\.)posthog\.com$/,
    init: /\bposthog\.init\s*\(/,
    key: /["'](phc_[A-Za-z0-9]{20,60})["']/,
    release: new RegExp(`\\b(?:release|app_version)\\s*:\\s*${STR}`),
    requires: /capture_exceptions|captureException|exception_autocapture|\$exception/,
    keyNote: 'A PostHog project API key (phc_…) only lets browsers send events; it is public by design, unlike a personal API key.',
  },
  {
    name: 'LogRocket',
    loginUrl: 'https://app.logrocket.com/',
    hosts: /(^|\.)(?:logrocket\.(?:io|com)|lr-ingest\.io|lr-in\.com)$/,
    init: /\bLogRocket\.init\s*\(/,
    key: /LogRocket\.init\s*\(\s*["']([a-z0-9]+\/[a-z0-9-]+)["']/,
    release: new RegExp(`\\brelease\\s*:\\s*${STR}`),
    keyNote: 'A LogRocket app id is public by design.',
  },
]

/** What was seen of one tracker. */
export interface TrackerSighting {
  name: string
  loginUrl: string
  /** Where it was seen: script URLs or "inline script". */
  seenIn: string[]
  release?: string
  /** The public key, with the reason it is not a leak. */
  key?: { value: string; publicByDesign: true; note: string }
}

/** Find trackers in script URLs (SDK hosts; a Sentry loader URL carries the public key) and in script text. */
export function findTrackers(scriptUrls: string[], texts: { where: string; text: string }[]): TrackerSighting[] {
  const out = new Map<string, TrackerSighting>()
  const see = (t: Tracker, where: string) => {
    const s = out.get(t.name) ?? { name: t.name, loginUrl: t.loginUrl, seenIn: [] }
    if (!s.seenIn.includes(where)) s.seenIn.push(where)
    out.set(t.name, s)
    return s
  }
  for (const u of scriptUrls) {
    let url: URL
    try {
      url = new URL(u)
    } catch {
      continue
    }
    for (const t of TRACKERS) {
      if (t.requires || !t.hosts.test(url.hostname)) continue
      const s = see(t, u)
      // The Sentry loader: https://js.sentry-cdn.com/<public key>.min.js
      const loader = t.name === 'Sentry' ? /^\/([0-9a-f]{12,64})\.min\.js$/.exec(url.pathname) : null
      if (loader && !s.key) s.key = { value: loader[1], publicByDesign: true, note: t.keyNote }
    }
  }
  for (const { where, text } of texts) {
    for (const t of TRACKERS) {
      if (!t.init.test(text) || (t.requires && !t.requires.test(text))) continue
      const s = see(t, where)
      const rel = t.release.exec(text)
      const value = rel?.slice(1).find(Boolean)
      if (value && !s.release) s.release = value
      const key = t.key?.exec(text)
      if (key && !s.key) s.key = { value: key[1] === undefined ? key[0] : key[0].startsWith('https://') ? key[0] : key[1], publicByDesign: true, note: t.keyNote }
    }
  }
  return [...out.values()]
}
