import type { InventoryFields } from '@shared/contract/handover'
import type { PlaceholderValues } from './placeholders'

/** What the handover knows that runbooks refer to: the access inventory and the DNS at handover. */
export interface RunbookFacts {
  inventory: Pick<InventoryFields, 'system' | 'name' | 'loginUrl' | 'ownerAccount'>[]
  /** DNS answers per host at handover ("www.acme.example → CNAME acme.example"). */
  dns?: { host: string; answers: string[] }[]
  nameservers?: string[]
  /** The DMARC policy in place at handover, so advice never weakens it. */
  dmarc?: { policy: string; reports: string[] } | null
  /** The rollback target host.deploy found ('' when there is none), if the check ran. */
  deploy?: { provider: string; rollbackTarget: string; current: string } | null
}

/**
 * DMARC advice that never weakens what is in place: with p=quarantine or p=reject already
 * published, it says to keep it (fix SPF/DKIM for the failing sender instead of lowering it).
 */
export function dmarcAdvice(dmarc: RunbookFacts['dmarc']): string | undefined {
  if (!dmarc?.policy) return undefined
  const reports = dmarc.reports.length ? ` with reports to ${dmarc.reports.join(', ')}` : ''
  const noRua = dmarc.reports.length ? '' : ' Add `rua=mailto:` with an address you read, so the reports arrive.'
  if (dmarc.policy === 'reject') return `The DMARC record already says \`p=reject\`${reports}: keep it. Never lower it to make mail arrive; DMARC only stops mail that fails both SPF and DKIM, so fix those for the sender that fails.${noRua}`
  if (dmarc.policy === 'quarantine') return `The DMARC record already says \`p=quarantine\`${reports}: keep it, and do not lower it to \`p=none\` to make mail arrive; fix SPF or DKIM for the sender that fails instead. Move to \`p=reject\` once the reports show all legitimate mail passing.${noRua}`
  return `The DMARC record says \`p=none\`${reports}: it only monitors.${noRua} Watch the reports for a week, then move to \`p=quarantine\` once all legitimate mail passes.`
}

/** What the rollback step can truthfully say about the deployment history at handover. */
function rollbackNote(deploy: RunbookFacts['deploy']): string | undefined {
  if (!deploy) return undefined
  if (deploy.rollbackTarget) return `At handover the previous good production deployment was ${deploy.rollbackTarget}.`
  return `At handover there was NO previous production deployment to roll back to (only ${deploy.current || 'the current one'}): if none was added since, redeploy the last good commit instead.`
}

const val = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined)

/**
 * Placeholder values from the access inventory and the handover baseline: registrar name,
 * login URL and owner account, DNS, edge, hosting, email and monitoring providers, and the
 * records in place at handover. Missing facts stay undefined so the runbook's fallback shows.
 */
export function runbookValues(f: RunbookFacts): PlaceholderValues {
  const sys = (kind: string) => f.inventory.find((i) => i.system === kind && (val(i.name) || val(i.loginUrl) || val(i.ownerAccount)))
  const registrar = sys('registrar')
  const records = (f.dns ?? []).filter((d) => d.answers.length).map((d) => `${d.host} → ${d.answers.join(', ')}`)
  return {
    'registrar.name': val(registrar?.name),
    'registrar.loginUrl': val(registrar?.loginUrl),
    'registrar.owner': val(registrar?.ownerAccount),
    'dns.provider': val(sys('dns')?.name),
    'cloudflare.account': val(sys('cdn')?.ownerAccount),
    'hosting.provider': val(sys('hosting')?.name),
    'hosting.project': undefined,
    'email.provider': val(sys('email-sending')?.name),
    'monitoring.provider': val(sys('monitoring')?.name),
    'baseline.records': records.length ? records.join('\n') : undefined,
    'baseline.nameservers': f.nameservers?.length ? f.nameservers.join(', ') : undefined,
    'dmarc.advice': dmarcAdvice(f.dmarc),
    'deploy.rollback': rollbackNote(f.deploy),
  }
}
