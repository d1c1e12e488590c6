import type { Content } from 'pdfmake/interfaces'
import type { HandoverData } from '../../data'
import { heading, orDash, sub, table } from '../theme'

/** Environment variable names (never values), monitoring links and alert owners. */
export function operations(d: HandoverData): Content[] {
  const mon = d.inventory.filter((i) => i.system === 'monitoring')
  return [
    heading('Environment and monitoring'),
    sub('Environment variables'),
    { text: 'Names only, per environment. Values live in the hosting provider and are never copied into this document.', style: 'lead' },
    table(['*', 'auto'], ['Name', 'Environments'], d.env.map((v) => [{ text: v.name, style: 'mono' }, v.environments.join(', ')]), 'No environment variables were recorded (the hosting check has not run or has no access).'),
    sub('Monitoring links'),
    d.monitoring.summary ? { text: d.monitoring.summary, style: 'lead' } : '',
    table(['auto', '*'], ['Monitor', 'URL'], d.monitoring.monitors.map((m) => [m.name, m.url]), 'No monitors were recorded.'),
    sub('Alert owners'),
    table(
      ['auto', '*', '*'],
      ['Service', 'Login', 'Owner and admins'],
      [
        ...mon.map((i) => [orDash(i.name || 'Monitoring'), orDash(i.loginUrl), [i.ownerAccount, ...i.admins].filter(Boolean).join(', ') || '—']),
        ...(d.monitoring.contacts.length ? [['Alert contacts', '', d.monitoring.contacts.join(', ')]] : []),
      ],
      'No alert owners recorded.',
    ),
  ]
}

/** Recovery runbooks (titles of the bundled runbooks); omitted when none exist. */
export function runbooks(d: HandoverData): Content[] {
  if (!d.runbooks) return []
  return [
    heading('Recovery runbooks'),
    { text: 'Step-by-step recoveries, each verified by a live check in Handover Console. Open them with `handover runbook run <id>`.', style: 'lead' },
    table(['auto', '*'], ['Id', 'Runbook'], d.runbooks.map((r) => [{ text: r.id, style: 'mono' }, r.title]), 'No runbooks bundled.'),
  ]
}
