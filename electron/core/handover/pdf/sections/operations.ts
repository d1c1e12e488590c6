import type { Content, TableCell } from 'pdfmake/interfaces'
import type { HandoverData } from '../../data'
import type { RouteTiming } from '../../facts/operations'
import { COLORS, heading, keepWithNext, link, orDash, statusCell, sub, table } from '../theme'

const VERDICT_COLOR: Record<RouteTiming['verdict'], string> = { 'within target': COLORS.pass, 'above target': COLORS.warn, 'too slow': COLORS.fail, failing: COLORS.fail, 'not found': COLORS.muted }

function envNote(v: HandoverData['env'][number]): TableCell {
  if (v.publicSecret) return { text: 'SECRET BEHIND A PUBLIC PREFIX: built into the JavaScript every visitor downloads. Rename it, read it on the server, rotate the value.', color: COLORS.fail, bold: true, fontSize: 7.5 }
  if (v.sharedWithPreview) return { text: 'Production secret shared with preview deployments: give production its own value.', color: COLORS.warn, fontSize: 7.5 }
  return ''
}

/** Environment variable names (never values) with what is wrong, and monitoring: owner, monitors, alert contacts, p95 per key route against its target. */
export function operations(d: HandoverData): Content[] {
  const m = d.monitoring
  const monOwner = d.inventory.find((i) => i.system === 'monitoring' && i.ownerAccount)?.ownerAccount ?? m.account
  return [
    ...keepWithNext([heading('Environment and monitoring', { id: 'operations' })]),
    table(
      ['auto', 'auto', '*'],
      ['Name', 'Environments', 'Finding'],
      d.env.map((v) => [{ text: v.name, style: 'mono' }, v.environments.join(', '), envNote(v)]),
      'No environment variables were recorded (the hosting check has not run or has no access).',
      'Environment variables',
    ),
    { text: 'Names only, per environment. Values live in the hosting provider and are never copied into this document.', style: 'note', margin: [0, -4, 0, 6] },
    ...keepWithNext([
      sub('Monitoring'),
      {
        text: m.provider
          ? [{ text: m.provider, bold: true }, ` \u2014 account owner ${orDash(monOwner)}; alerts go to ${m.contacts.join(', ') || 'nobody'}. `, { text: m.summary, color: m.status === 'pass' ? COLORS.ink : COLORS.fail }]
          : 'No uptime monitoring was checked: nobody is alerted when the site goes down.',
        style: 'lead',
      },
    ], 60),
    table(['auto', '*'], ['Monitor', 'URL'], m.monitors.map((x) => [x.name, link(x.url, x.url)]), 'No monitors were recorded.'),
    ...(m.unmonitored.length ? [{ text: `Not monitored: ${m.unmonitored.join(', ')}.`, color: COLORS.fail, fontSize: 8.5, margin: [0, -4, 0, 8] as [number, number, number, number] }] : []),
    table(
      ['*', 'auto', 'auto', 'auto'],
      ['Route', 'p95', 'Status', 'Against the target'],
      m.routes.map((r) => [r.url, r.p95 === null ? '\u2014' : `${r.p95} ms`, r.status === null ? '\u2014' : String(r.status), { text: r.verdict, bold: true, color: VERDICT_COLOR[r.verdict] }]),
      'No route timings were recorded.',
      'Key routes: p95 response time against the target',
    ),
    m.targets ? { text: `Target: p95 within ${m.targets.pass} ms; ${m.targets.warn} ms at most. Measured from the checks' location over repeated requests.`, style: 'note', margin: [0, -4, 0, 6] } : '',
    table(
      ['*', 'auto', 'auto', 35],
      ['Host', 'Valid until', 'Days left', 'Status'],
      d.certificates.map((c) => [c.validTo ? c.host : { stack: [c.host, { text: c.summary, fontSize: 7, color: COLORS.fail }] }, c.validTo ? c.validTo.slice(0, 10) : '\u2014', c.daysLeft === null ? '\u2014' : String(c.daysLeft), statusCell(c.status)]),
      'No certificate was checked.',
      'Certificates',
    ),
  ]
}
