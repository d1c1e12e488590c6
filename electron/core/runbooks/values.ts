import type { InventoryFields } from '@shared/contract/handover'
import type { PlaceholderValues } from './placeholders'

/** What the handover knows that runbooks refer to: the access inventory and the DNS at handover. */
export interface RunbookFacts {
  inventory: Pick<InventoryFields, 'system' | 'name' | 'loginUrl' | 'ownerAccount'>[]
  /** DNS answers per host at handover ("www.acme.example → CNAME acme.example"). */
  dns?: { host: string; answers: string[] }[]
  nameservers?: string[]
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
  }
}
