import { ITEM_STATUS_LABELS, type SprintStatus } from '@shared/schemas/sprint'

const ICON: Record<string, string> = { pass: '✓', attention: '△', fail: '✗', waived: '≈', blocked: '!', doing: '…', todo: '·' }

export function hours(ms: number): string {
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor((ms % 3_600_000) / 60_000)
  return `${h}h ${String(m).padStart(2, '0')}m`
}

/** The plan as a person reads it in a terminal: clock, blocks, stages, items, then fix order. */
export function formatSprint(s: SprintStatus, maxRisks = 10): string {
  const out: string[] = []
  out.push(`${s.engagement.clientName} · ${s.engagement.domain} · ${s.template.title}`)
  out.push(s.sprint.finishedAt ? `Sprint finished ${s.sprint.finishedAt}` : `${hours(s.msLeft)} left of 48h (started ${s.sprint.startedAt})`)
  for (const note of s.template.notes) out.push(`Note: ${note}`)
  for (const b of s.blocks) {
    const items = s.items.filter((i) => i.block === b.id)
    const state = b.state === 'current' ? `now, ${hours(b.msLeft)} left` : b.state
    out.push('', `${b.title} (${state})`)
    for (const st of s.stages.filter((x) => items.some((i) => i.stage === x.id))) {
      out.push(`  ${st.title}  ${st.done}/${st.total}`)
      for (const i of items.filter((x) => x.stage === st.id)) {
        const extra = [
          i.warnings ? `${i.warnings} warning${i.warnings > 1 ? 's' : ''}` : '',
          i.manual ? 'manual' : '',
          i.gateSummary && i.status !== 'waived' ? i.gateSummary : '',
          i.owner ? `owner ${i.owner}` : '',
          i.waiver ? `waived until ${i.waiver.expiresAt.slice(0, 10)}` : '',
          i.waiverExpired ? 'waiver expired' : '',
        ]
          .filter(Boolean)
          .join(', ')
        out.push(`    ${ICON[i.status] ?? '?'} ${ITEM_STATUS_LABELS[i.status].padEnd(9)} ${i.id.padEnd(22)} ${i.title}${extra ? `  (${extra})` : ''}`)
      }
    }
  }
  out.push('', s.risks.length ? 'Fix order' : 'No open risks.')
  for (const r of s.risks.slice(0, maxRisks)) out.push(`  ${String(r.rank).padStart(2)}. [${r.severity}] ${r.title} — ${ITEM_STATUS_LABELS[r.status].toLowerCase()}${r.note ? ` · ${r.note}` : ''}`)
  if (s.risks.length > maxRisks) out.push(`  … and ${s.risks.length - maxRisks} more (--json for all)`)
  return out.join('\n')
}
