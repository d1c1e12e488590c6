import type { Content } from 'pdfmake/interfaces'
import type { RunbookStep } from '@shared/schemas/runbook'
import type { HandoverData } from '../../data'
import { getCheck } from '../../../checks/registry'
import { inlineMarkdown } from '../markdown'
import { COLORS, heading, sub, table } from '../theme'

const KIND: Record<string, string> = { instruction: 'Do', verify: 'Check', decision: 'Decide' }

/** What {host} means in a by-hand command: the API host for health checks, the apex otherwise. */
function hostFor(d: HandoverData, checkId: string): string {
  const api = d.engagement.hosts.find((h) => h.role === 'api')?.name
  return checkId === 'mon.health' && api ? api : d.engagement.domain
}

/** A verify step's checks as plain commands a founder can run, with what the output should show. */
function byHand(d: HandoverData, checks: string[]): Content[] {
  const out: Content[] = []
  for (const id of checks) {
    const meta = getCheck(id)?.meta
    if (!meta?.byHand) continue
    const host = hostFor(d, id)
    const fill = (s: string) => s.split('{domain}').join(d.engagement.domain).split('{host}').join(host)
    const others = meta.scope === 'host' ? d.engagement.hosts.filter((h) => h.name !== host).map((h) => h.name) : []
    // One paragraph per command (not a stack of four): pdfmake lays paragraphs out cheaply.
    out.push({
      text: [
        { text: `${meta.title}\n`, bold: true },
        { text: `${fill(meta.byHand.command)}\n`, font: 'Mono', fontSize: 7.2, background: '#eef1f5' },
        { text: 'Should show: ', bold: true },
        ...inlineMarkdown(fill(meta.byHand.expect)),
        ...(others.length ? [{ text: `\nRepeat for ${others.join(', ')}.`, fontSize: 7.5, color: COLORS.muted }] : []),
      ],
      fontSize: 8,
      lineHeight: 1.2,
      margin: [8, 2, 0, 3],
    })
  }
  return out
}

function step(d: HandoverData, st: RunbookStep, n: number, number: Map<string, number>): Content {
  const lines: Content[] = [{ text: `${n}. ${KIND[st.kind] ?? 'Do'} · ${st.title}`, bold: true, fontSize: 10, margin: [0, 6, 0, 2] }]
  if (st.do) lines.push({ text: inlineMarkdown(st.do.trim()), style: 'td', lineHeight: 1.25 })
  if (st.inputs?.length) lines.push({ text: `Write down: ${st.inputs.map((x) => x.label).join('; ')}`, style: 'note' })
  if (st.kind === 'verify' && st.checks.length) {
    lines.push({ text: 'Without the app, run each command below and compare; in Handover Console, the runbook runs these checks for you.', fontSize: 8, color: COLORS.muted, margin: [0, 2, 0, 1] })
    lines.push(...byHand(d, st.checks))
  }
  if (st.kind === 'decision') {
    lines.push({ text: inlineMarkdown(st.question), style: 'td', italics: true })
    lines.push({ ul: st.options.map((o) => `${o.label} → step ${number.get(o.next) ?? '?'}`), style: 'td' })
  } else if (st.next) lines.push({ text: `Then go to step ${number.get(st.next) ?? '?'}.`, style: 'note' })
  return { stack: lines, unbreakable: true }
}

/**
 * Recovery runbooks, filled in with this engagement's facts, so each can be followed without
 * the app: Markdown rendered (code in monospace), numbered steps, every check step with the
 * plain command (dig, curl, openssl) and what its output should show, and how to roll back.
 * Each runbook flows on from the last (no forced page breaks); its title stays with its first lines.
 */
export function runbooks(d: HandoverData): Content[] {
  if (!d.runbooks.length) return []
  const out: Content[] = [
    {
      stack: [
        heading('Recovery runbooks', { id: 'runbooks' }),
        { text: inlineMarkdown('For the night something breaks. Each runbook can be followed with a terminal and the accounts in the access inventory; in Handover Console, `handover runbook run <id>` walks through it one step at a time and runs the checks live.'), style: 'lead' },
        table(['auto', '*'], ['Runbook', 'When'], d.runbooks.map((r) => [{ text: r.title, bold: true, linkToDestination: `runbook-${r.id}`, color: COLORS.accent }, r.summary]), 'No runbooks bundled.'),
      ],
      unbreakable: true,
    },
  ]
  for (const rb of d.runbooks) {
    const number = new Map(rb.steps.map((st, i) => [st.id, i + 1]))
    out.push({
      stack: [
        // pdfmake 0.3 draws `outline` nodes as PDF bookmarks (its typings predate the option).
        { text: rb.title, style: 'h1', fontSize: 14, id: `runbook-${rb.id}`, outline: true, outlineParentId: 'runbooks', margin: [0, 16, 0, 4] } as Content,
        { text: inlineMarkdown(rb.summary), style: 'lead' },
        sub('Symptoms'),
        { ul: rb.symptoms.map((s) => ({ text: inlineMarkdown(s) })), style: 'td', margin: [0, 0, 0, 6] },
      ],
      unbreakable: true,
    })
    // "Steps" stays with the first step, never alone at the foot of a page.
    rb.steps.forEach((st, i) => out.push(i === 0 ? { stack: [sub('Steps'), step(d, st, 1, number)], unbreakable: true } : step(d, st, i + 1, number)))
    out.push({ stack: [sub('Rolling back'), { text: inlineMarkdown(rb.rollback.trim()), style: 'td' }], unbreakable: true })
  }
  return out
}
