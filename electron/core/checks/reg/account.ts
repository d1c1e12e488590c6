import { delegatedNameservers } from '../../providers/delegation'
import { ProviderError } from '../../providers/errors'
import { apiEvidence, providerFailure } from '../../providers/outcome'
import { REGISTRAR_CREDENTIAL, REGISTRAR_NAMES, REGISTRARS, registrarFromRdap, type RegistrarId } from '../../providers/registrar'
import type { CheckContext, CheckModule, CheckOutcome } from '../types'
import { judgeAccount } from './lib/judge-account'

/** RDAP's registrar for the domain, or null when RDAP cannot say. */
async function rdapRegistrar(ctx: CheckContext): Promise<{ name?: string; ianaId?: string } | null> {
  try {
    return (await ctx.services.providers.rdap().lookup(ctx.domain, ctx.signal)).domain.registrar ?? null
  } catch {
    return null
  }
}

/**
 * Without a registrar API (none here, or no credential for it): RDAP's registrar plus the latest
 * recorded verdict; without a verdict nobody has confirmed who holds the account (warn).
 */
function fallback(ctx: CheckContext, rdap: { name?: string } | null, why: string): CheckOutcome {
  const v = ctx.services.recorded?.registrarVerdict(ctx.engagement.id) ?? null
  const at = rdap?.name ? `at ${rdap.name} (RDAP)` : 'at a registrar RDAP could not name'
  const details = { source: 'rdap+manual', registrar: rdap?.name ?? null, why, verdict: v, founderControls: v?.founderControls ?? null, ...(v ? { inventory: { system: 'registrar', ...(rdap?.name ? { name: rdap.name } : {}), ownerAccount: v.holder } } : {}) }
  if (!v) return { status: 'warn', summary: `Registered ${at}; ${why}, and nobody has recorded who holds the registrar account: add its API credential or record a verdict (handover registrar verdict)`, details }
  const when = v.recordedAt.slice(0, 10)
  if (v.founderControls) return { status: 'pass', summary: `Registered ${at}; held by ${v.holder}, the founder's, as ${v.by} recorded on ${when} (${why}: judged by RDAP and that verdict)`, details }
  return { status: 'fail', summary: `Registered ${at}; held by ${v.holder}, not the founder, as ${v.by} recorded on ${when} (${why}: judged by RDAP and that verdict)`, details }
}

export const check: CheckModule = {
  meta: {
    id: 'reg.account',
    title: 'Registrar account: the founder holds the domain, auto-renew and lock on',
    area: 'reg',
    stage: 'quick-audit',
    why: "Whoever holds the registrar account owns the business's address: if it sits in a contractor's or agency's account, or lapses with auto-renew off, the site and email can be lost overnight.",
    fix: "Move the domain into an account the founder owns (an account change or a transfer to the founder's registrar account), turn on auto-renew and the registrar lock, and enable two-factor sign-in on that account.",
    byHand: { command: 'whois {domain} | grep -iE "registrar:|expir|status"', expect: "the registrar whose dashboard the founder logs in to and sees {domain} in their own account, auto-renew on" },
    runbook: 'domain-hijacked',
    scope: 'domain',
    network: true,
  },
  async run(ctx) {
    const rdap = await rdapRegistrar(ctx)
    const named = registrarFromRdap(rdap)
    // A registrar RDAP names but whose API we do not speak: straight to the fallback.
    if (rdap?.name && !named) return fallback(ctx, rdap, `${rdap.name} has no API here`)
    const candidates: RegistrarId[] = named ? [named] : [...REGISTRARS]
    const searched: RegistrarId[] = []
    for (const r of candidates) {
      const cred = await ctx.services.credentials.get(REGISTRAR_CREDENTIAL[r])
      if (!cred) continue
      try {
        const d = await ctx.services.providers.registrar(r, cred.secret, ctx.signal).domain(ctx.domain)
        if (!d) {
          searched.push(r)
          continue
        }
        const delegation = await delegatedNameservers(ctx.services.dns, ctx.domain, ctx.signal)
        const v = judgeAccount(d, { founderEmail: ctx.engagement.founderEmail ?? '', verdict: ctx.services.recorded?.registrarVerdict(ctx.engagement.id) ?? null, thresholds: ctx.thresholds, delegated: delegation?.ns })
        return { ...v, evidence: [apiEvidence(`${REGISTRAR_NAMES[r]} API: ${ctx.domain}`, d.raw, cred)] }
      } catch (e) {
        if (e instanceof ProviderError) return providerFailure(e)
        throw e
      }
    }
    const names = searched.map((r) => REGISTRAR_NAMES[r]).join(', ')
    // RDAP names the registrar, and the account our credential opens there does not hold it.
    if (named && searched.length) {
      return { status: 'fail', summary: `The domain ${ctx.domain} is registered at ${rdap?.name ?? REGISTRAR_NAMES[named]} (RDAP) but is not in the ${names} account the stored credential opens: another account holds it`, details: { source: 'registrar-api', searched: names, registrar: rdap?.name ?? null, founderControls: false } }
    }
    if (named) return fallback(ctx, rdap, `no ${REGISTRAR_NAMES[named]} credential is stored (handover credential add ${REGISTRAR_CREDENTIAL[named]})`)
    return fallback(ctx, rdap, `RDAP could not name the registrar${searched.length ? ` and the ${names} account${searched.length > 1 ? 's' : ''} of the stored credentials do${searched.length > 1 ? '' : 'es'} not hold it` : ''}`)
  },
}
