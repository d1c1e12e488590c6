/**
 * The `handover` commands, and which file in ./commands registers each one. The top-level
 * help is printed from this table, so `handover --help` and `--version` load no command module,
 * and a command loads only its own module (and what that imports) when it runs.
 * test/unit/cli/commands-table.test.ts holds this table to what the modules register.
 */
export interface CommandEntry {
  /** The command's name, as typed. */
  name: string
  /** How the top-level help shows it (commander's subcommand term). */
  term: string
  description: string
  /** The file in ./commands that registers it. */
  module: string
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'audit', term: 'audit [options] [domains...]', module: 'audit', description: 'run every applicable check against one or more domains (or every engagement, or a lab scenario) and record the evidence' },
  { name: 'inventory', term: 'inventory', module: 'bundle', description: 'the access inventory: list, set, import, remove, prefill from evidence' },
  { name: 'bundle', term: 'bundle [options]', module: 'bundle', description: 'build the signed handover bundle: a folder and DIR.zip' },
  { name: 'credential', term: 'credential', module: 'credential', description: 'provider credentials in the OS keychain: add, list, verify, rotate, remove' },
  { name: 'demo', term: 'demo [options]', module: 'demo', description: 'run a whole sprint against the demo sandbox and end with a signed handover bundle' },
  { name: 'drift', term: 'drift [options] [bundle]', module: 'drift', description: "re-run the checks recorded in a bundle's baseline.json (or every bundle this workspace knows, --all) and say what changed since handover; exit 0 nothing regressed, 1 a regression, 2 bad input" },
  { name: 'engagement', term: 'engagement', module: 'engagement', description: 'create, list, show, edit and remove engagements' },
  { name: 'evidence', term: 'evidence', module: 'evidence', description: 'the tamper-evident evidence log' },
  { name: 'identity', term: 'identity', module: 'identity', description: 'who signs your bundles: your name, email, organisation and signing key (kept in the keychain)' },
  { name: 'lab', term: 'lab [options]', module: 'lab', description: 'run the sandbox internet for a scenario in the foreground; prints its endpoints as one JSON line' },
  { name: 'probes', term: 'probes', module: 'probes', description: 'opt-in probes (abuse.rate-limit, ai.injection) and smoke flows (http.smoke): declare endpoints, record the site owner’s consent' },
  { name: 'registrar', term: 'registrar', module: 'registrar', description: "who holds the registrar account: a person's verdict where the registrar's API cannot say" },
  { name: 'runbook', term: 'runbook', module: 'runbook', description: 'guided recovery runbooks' },
  { name: 'secrets', term: 'secrets', module: 'secrets', description: 'secrets the checks saw exposed (ever), and their rotations' },
  { name: 'serve', term: 'serve [options]', module: 'serve', description: 'browser mode: the app UI on http://127.0.0.1, opened with a single-use launch address' },
  { name: 'spf', term: 'spf [options] <domain>', module: 'spf', description: 'evaluate SPF (RFC 7208 check_host) for a sending IP: result, explanation and the include tree' },
  { name: 'sprint', term: 'sprint', module: 'sprint', description: 'the 48-hour sprint: start, status, waive, settle items' },
  { name: 'verify', term: 'verify [options] <bundle>', module: 'verify', description: 'check every hash and signature of a handover bundle (folder or .zip); exit 0 valid, 1 invalid, 2 unusable input' },
  { name: 'countersign', term: 'countersign [options] <bundle>', module: 'verify', description: "the founder's acceptance: sign the manifest's hash, your name, email and the date with your own key (made on first use, kept in this machine's keychain); written beside the bundle" },
  { name: 'watch', term: 'watch [options] [bundle]', module: 'watch', description: 'drift one bundle, or every bundle this workspace knows, once; alert on new regressions and on certificates (30 days) and domains (60 days) near expiry, by webhook and email; exit 0 done, 1 something could not be checked or delivered, 2 bad input' },
]

/** Options of the program itself that take a value (the word after them is not a command). */
const VALUE_OPTIONS = new Set(['--workspace'])

/**
 * The command a command line names: its first word that is not a program option (or the word
 * after `help`). Undefined when there is none (`handover`, `handover --help`).
 */
export function commandWord(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') return args[i + 1]
    if (VALUE_OPTIONS.has(a)) {
      i++
      continue
    }
    if (a.startsWith('-')) continue
    return a === 'help' && i + 1 < args.length ? args[i + 1] : a
  }
  return undefined
}
