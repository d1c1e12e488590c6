import type { Content, TableCell } from 'pdfmake/interfaces'
import type { HandoverData } from '../../data'
import { COLORS, heading, keepWithNext, orDash, stamp, statusCell, sub, table } from '../theme'

const VERDICT: Record<string, string> = { leaked: COLORS.fail, held: COLORS.pass, error: COLORS.warn }

/** The AI cases as one row per class: how many held, and which leaked and how. */
function classRows(cases: { id: string; class: string; verdict: string; how?: string }[]): TableCell[][] {
  const classes = [...new Set(cases.map((c) => c.class))]
  return classes.map((cl) => {
    const of = cases.filter((c) => c.class === cl)
    const leaked = of.filter((c) => c.verdict === 'leaked')
    return [
      cl,
      `${of.length - leaked.length} of ${of.length} held`,
      leaked.length ? { text: leaked.map((c) => `${c.id}: ${c.how ?? 'leaked'}`).join('; '), color: VERDICT.leaked, fontSize: 7.5 } : { text: 'none leaked', color: VERDICT.held, fontSize: 7.5 },
    ]
  })
}

/**
 * Abuse, AI and smoke probes: the site owner's consent (who, when, which endpoints, which limits),
 * rate limits per endpoint, prompt-injection verdicts per class, error tracking and smoke flows.
 */
export function probes(d: HandoverData): Content[] {
  const p = d.probes
  if (!p.consents.length && !p.rateLimit && !p.ai && !p.errorTracking && !p.smoke) return []
  return [
    ...keepWithNext([heading('Abuse, AI and smoke probes', { id: 'probes' })]),
    table(
      ['auto', '*', 'auto'],
      ['Consent', 'Endpoints and limits', 'State'],
      p.consents.map((c) => [
        { stack: [{ text: c.givenBy, bold: true }, { text: `recorded by ${c.recordedBy}, ${stamp(c.recordedAt)}`, fontSize: 7.5, color: COLORS.muted }] },
        { stack: [{ text: c.endpoints.join(', '), fontSize: 7.5 }, { text: `≤${c.limits.maxRequests} requests per endpoint, ≤${c.limits.perSecond}/s; ≤${c.limits.aiCases} AI cases, ≤${c.limits.aiTokens} tokens${c.note ? `. ${c.note}` : ''}`, fontSize: 7.5, color: COLORS.muted }] },
        c.revokedAt ? { text: `revoked ${stamp(c.revokedAt)}`, color: COLORS.muted } : { text: 'in force', bold: true, noWrap: true },
      ]),
      'No consent was recorded: the rate-limit and prompt-injection probes sent no request.',
      'Consent to probe',
    ),
    ...(p.rateLimit
      ? [
          table(
            ['auto', '*', 'auto', 35],
            ['Endpoint', 'URL', 'Limited after', 'Status'],
            p.rateLimit.endpoints.map((e) => [e.id, { text: e.url, fontSize: 7.5 }, e.limitedAfter === null ? `no limit in ${e.requests}` : `${e.limitedAfter} (${orDash(e.signal)})`, statusCell(e.status)]),
            p.rateLimit.summary,
            'Rate limits under a bounded burst',
          ),
        ]
      : []),
    ...(p.ai
      ? p.ai.endpoints.flatMap((e) => [
          table(['auto', 'auto', '*'], ['Class', 'Cases', 'Leaks'], classRows(e.cases), p.ai!.summary, `Prompt injection: ${e.id} (${p.ai!.set})`),
        ])
      : []),
    ...(p.errorTracking
      ? [
          ...keepWithNext([sub('Error tracking'), { text: [statusCell(p.errorTracking.status), ' ', p.errorTracking.summary], style: 'lead' }], 40),
          ...p.errorTracking.trackers.filter((t) => t.key).map((t) => ({ text: `${t.name} key ${t.key!.value}: ${t.key!.note}`, style: 'note' }) as Content),
        ]
      : []),
    ...(p.smoke
      ? [
          table(
            ['auto', '*', 35],
            ['Flow', 'Steps', 'Status'],
            p.smoke.flows.map((f) => [f.name, { stack: f.steps.map((s) => ({ text: `${s.n}. ${s.request} → ${s.got}${s.ok ? '' : ` (expected ${s.expected})`}`, fontSize: 7.5, color: s.ok ? COLORS.ink : COLORS.fail })) }, statusCell(f.ok ? 'pass' : 'fail')]),
            p.smoke.summary,
            'Smoke flows',
          ),
        ]
      : []),
  ]
}
