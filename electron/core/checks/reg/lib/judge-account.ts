import { sameNameservers } from '../../../providers/delegation'
import { REGISTRAR_LOGIN, REGISTRAR_NAMES, type RegistrarDomain } from '../../../providers/registrar'
import type { RegistrarVerdictFact } from '../../../evidence/facts'
import type { CheckOutcome, Thresholds } from '../../types'

const DAY = 86_400_000

/** Who holds the account, in words: `"shopowner" (contractor@agency.example)`. */
export function holderText(d: Pick<RegistrarDomain, 'registrar' | 'account'>): string {
  const who = d.account.emails.length ? ` (${d.account.emails.join(', ')})` : ''
  return /^the /.test(d.account.name) ? `${d.account.name}${who}` : `the ${REGISTRAR_NAMES[d.registrar]} account "${d.account.name}"${who}`
}

/**
 * Whether the founder holds the account: by e-mail (the holder's against the engagement's
 * founder) where the API names the holder, else by a person's recorded verdict; null when
 * neither can tell.
 */
export function founderControls(d: Pick<RegistrarDomain, 'account'>, founderEmail: string, verdict: RegistrarVerdictFact | null): { controls: boolean | null; by: 'email' | 'verdict' | 'none' } {
  const founder = founderEmail.trim().toLowerCase()
  if (d.account.emails.length && founder) return { controls: d.account.emails.includes(founder), by: 'email' }
  if (verdict) return { controls: verdict.founderControls, by: 'verdict' }
  return { controls: null, by: 'none' }
}

/**
 * Judge a domain as its registrar account reports it: held by someone other than the founder
 * (fail), auto-renew off (fail near expiry, else warn), transfer lock off (fail), expiry within
 * the template's days, two-factor off where the API shows it, nameservers that disagree with DNS.
 */
export function judgeAccount(
  d: RegistrarDomain,
  o: { founderEmail: string; verdict: RegistrarVerdictFact | null; thresholds: Pick<Thresholds, 'domainWarnDays' | 'domainFailDays'>; delegated?: string[]; now?: number },
): CheckOutcome & { details: Record<string, unknown> } {
  const now = o.now ?? Date.now()
  const fails: string[] = []
  const warns: string[] = []
  const holder = holderText(d)
  const own = founderControls(d, o.founderEmail, o.verdict)
  const founder = o.founderEmail ? `the founder's (${o.founderEmail})` : "the founder's"
  if (own.controls === false) fails.push(`the domain ${d.domain} is held in ${holder}, not ${founder}${own.by === 'verdict' ? ` (verdict by ${o.verdict?.by})` : ''}`)
  else if (own.controls === null && !o.founderEmail && d.account.emails.length) warns.push(`${d.domain} is held in ${holder}; the engagement names no founder e-mail to compare with`)
  else if (own.controls === null) warns.push(`${REGISTRAR_NAMES[d.registrar]}'s API does not name who holds ${holder}: record who does (handover registrar verdict)`)
  const daysLeft = d.expiresAt ? Math.floor((Date.parse(d.expiresAt) - now) / DAY) : undefined
  if (d.autoRenew === false) (daysLeft !== undefined && daysLeft < o.thresholds.domainWarnDays ? fails : warns).push(`auto-renew is off${daysLeft !== undefined ? ` and it expires in ${daysLeft} days` : ''}`)
  else if (daysLeft !== undefined && daysLeft < o.thresholds.domainFailDays) fails.push(`it expires in ${daysLeft} days`)
  else if (daysLeft !== undefined && daysLeft < o.thresholds.domainWarnDays) warns.push(`it expires in ${daysLeft} days`)
  if (d.locked === false) fails.push('the registrar lock is off')
  if (d.account.twoFactor === false) warns.push('two-factor sign-in is off for the account')
  if (o.delegated && d.nameservers?.length && !sameNameservers(d.nameservers, o.delegated)) warns.push(`the registrar lists nameservers ${d.nameservers.join(', ')} but DNS delegates to ${o.delegated.join(', ')}`)
  const status = fails.length ? 'fail' : warns.length ? 'warn' : 'pass'
  const pass = `Held in ${holder}, the founder's${own.by === 'verdict' ? ` (verdict by ${o.verdict?.by})` : ''}; auto-renew ${d.autoRenew === null ? 'unknown' : 'on'}, locked${daysLeft !== undefined ? `, expires in ${daysLeft} days` : ''}`
  const lines = [...fails, ...warns]
  const summary = status === 'pass' ? pass : `${capital(lines[0])}${lines.length > 1 ? `; ${lines.slice(1).join('; ')}` : ''}`
  return {
    status,
    summary: own.controls === false || status === 'pass' ? summary : `${summary} (held in ${holder})`,
    details: {
      source: 'registrar-api',
      registrar: REGISTRAR_NAMES[d.registrar],
      account: d.account,
      founderEmail: o.founderEmail || null,
      founderControls: own.controls,
      decidedBy: own.by,
      verdict: own.by === 'verdict' ? o.verdict : null,
      autoRenew: d.autoRenew,
      locked: d.locked,
      expiresAt: d.expiresAt,
      daysLeft,
      nameservers: d.nameservers,
      delegation: o.delegated ?? null,
      privacy: d.privacy,
      dnssec: d.dnssec,
      twoFactor: d.account.twoFactor,
      contacts: d.contacts,
      inventory: {
        system: 'registrar',
        name: REGISTRAR_NAMES[d.registrar],
        loginUrl: REGISTRAR_LOGIN[d.registrar],
        ownerAccount: d.account.emails[0] ? `${d.account.emails[0]}${/^the /.test(d.account.name) ? '' : ` (${d.account.name})`}` : /^the /.test(d.account.name) ? '' : d.account.name,
        twoFactor: d.account.twoFactor === null ? 'unknown' : d.account.twoFactor ? 'on' : 'off',
      },
    },
  }
}

export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
