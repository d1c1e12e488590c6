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

const KIND: Record<string, string> = { instruction: 'Do', verify: 'Check', decision: 'Decide' }

/**
 * Recovery runbooks, each on its own pages and filled in with this engagement's facts, so one can
 * be printed and followed without the app: numbered steps, the checks that confirm a fix, the
 * branches of each decision, and how to roll back.
 */
export function runbooks(d: HandoverData): Content[] {
  if (!d.runbooks.length) return []
  const out: Content[] = [
    heading('Recovery runbooks', { newPage: true }),
    { text: 'For the night something breaks. Each runbook is printable on its own; in Handover Console, `handover runbook run <id>` walks through it one step at a time and runs the checks live.', style: 'lead' },
    table(['auto', '*'], ['Runbook', 'When'], d.runbooks.map((r) => [{ text: r.title, bold: true }, r.summary]), 'No runbooks bundled.'),
  ]
  for (const rb of d.runbooks) {
    const number = new Map(rb.steps.map((st, i) => [st.id, i + 1]))
    out.push(heading(rb.title, { newPage: true }))
    out.push({ text: rb.summary, style: 'lead' })
    out.push(sub('Symptoms'), { ul: rb.symptoms, style: 'td', margin: [0, 0, 0, 6] })
    out.push(sub('Steps'))
    rb.steps.forEach((st, i) => {
      const lines: Content[] = [{ text: `${i + 1}. ${KIND[st.kind] ?? 'Do'} · ${st.title}`, bold: true, fontSize: 10, margin: [0, 6, 0, 2] }]
      if (st.do) lines.push({ text: st.do.trim(), style: 'td', lineHeight: 1.25 })
      if (st.inputs?.length) lines.push({ text: `Write down: ${st.inputs.map((x) => x.label).join('; ')}`, style: 'note' })
      if (st.kind === 'verify') lines.push({ text: `Confirm with: ${st.checks.join(', ')} (in the app, this step turns green when fixed)`, style: 'note' })
      if (st.kind === 'decision') {
        lines.push({ text: st.question, style: 'td', italics: true })
        lines.push({ ul: st.options.map((o) => `${o.label} → step ${number.get(o.next) ?? '?'}`), style: 'td' })
      } else if (st.next) lines.push({ text: `Then go to step ${number.get(st.next) ?? '?'}.`, style: 'note' })
      out.push({ stack: lines, unbreakable: true })
    })
    out.push(sub('Rolling back'), { text: rb.rollback.trim(), style: 'td' })
  }
  return out
}
