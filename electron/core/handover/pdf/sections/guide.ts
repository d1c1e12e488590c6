import type { Content } from 'pdfmake/interfaces'
import type { HandoverData } from '../../data'
import { SYSTEM_TITLES } from '../../inventory/defaults'
import { COLORS, clip, heading, orDash, sub } from '../theme'

function bullet(items: Content[]): Content {
  return { ul: items, fontSize: 9, lineHeight: 1.2, margin: [0, 0, 0, 4] }
}

/**
 * The one-page operating guide: what to watch, where to look, who to call. Kept short on
 * purpose (it is the page someone prints and pins up); details live in later sections.
 */
export function guide(d: HandoverData): Content[] {
  const find = (id: string) => d.results.filter((r) => r.checkId === id)
  const watch: Content[] = [
    d.monitoring.summary ? `Uptime monitoring: ${clip(d.monitoring.summary)}` : 'Uptime monitoring: no monitoring check recorded \u2014 set up monitors for the homepage, login and API health.',
    ...find('tls.cert').slice(0, 3).map((r) => `Certificate ${r.target}: ${clip(r.summary)}`),
    ...find('reg.domain').slice(0, 1).map((r) => `Domain registration: ${clip(r.summary)}`),
    ...find('mail.dmarc').slice(0, 1).map((r) => `Email authentication (DMARC reports): ${clip(r.summary)}`),
    ...d.risks.filter((r) => r.status === 'fail').slice(0, 3).map((r) => ({ text: [{ text: 'Open: ', bold: true, color: COLORS.fail }, `${r.title} (${r.target}) \u2014 ${clip(r.summary)}`] })),
  ]
  const where = d.inventory
    .filter((i) => i.loginUrl || i.name)
    .slice(0, 10)
    .map((i): Content => ({ text: [{ text: `${SYSTEM_TITLES[i.system]}${i.name ? ` (${i.name})` : ''}: `, bold: true }, i.loginUrl || 'login URL not recorded'] }))
  const people = new Map<string, string[]>()
  for (const i of d.inventory) for (const who of [i.ownerAccount, ...i.admins, i.rotatedBy].filter(Boolean)) people.set(who, [...(people.get(who) ?? []), SYSTEM_TITLES[i.system]])
  const call: Content[] = [
    { text: [{ text: 'Founder: ', bold: true }, orDash([d.engagement.founderName, d.engagement.founderEmail].filter(Boolean).join(', '))] },
    { text: [{ text: 'Consultant (this handover): ', bold: true }, orDash([d.signer.name, d.signer.email].filter(Boolean).join(', '))] },
    ...[...people]
      .slice(0, 8)
      .map(([who, systems]): Content => ({ text: [{ text: `${who}: `, bold: true }, [...new Set(systems)].join(', ')] })),
  ]
  return [
    heading('Operating guide'),
    { text: 'One page to keep at hand. When something looks wrong: check the monitor, open the system below, and call the person who owns it. Recovery runbooks are at the end of this document.', style: 'lead' },
    sub('What to watch'),
    bullet(watch),
    sub('Where to look'),
    where.length ? bullet(where) : { text: 'No login URLs recorded yet: fill in the access inventory.', style: 'note' },
    sub('Who to call'),
    bullet(call),
    sub('When it breaks'),
    bullet([
      'Site down: check the hosting dashboard for a failed deploy, then roll back to the previous deployment.',
      'Email not arriving: check the DNS records for SPF, DKIM and DMARC against the DNS map in this document.',
      'Certificate or domain about to expire: renew at the registrar / CDN listed in the access inventory.',
      'A key leaked: rotate it at the provider first, then update the hosting environment variables and redeploy.',
    ]),
  ]
}
