import type { Content } from 'pdfmake/interfaces'
import type { HandoverData } from '../../data'
import type { GuideLine } from '../../facts/guide'
import { COLORS, heading, sub } from '../theme'

const TONE: Record<string, string> = { fail: COLORS.fail, warn: COLORS.warn }

function line(l: GuideLine): Content {
  const label = { text: `${l.label}: `, bold: true, color: l.tone ? TONE[l.tone] : COLORS.ink }
  return { text: [label, l.link ? { text: l.text, link: l.link, color: COLORS.accent } : l.text] }
}

function bullets(lines: GuideLine[], empty: string): Content {
  return lines.length ? { ul: lines.map(line), fontSize: 8.8, lineHeight: 1.2, margin: [0, 0, 0, 4] } : { text: empty, style: 'note' }
}

/**
 * The operating guide: what to watch (every certificate and the domain, with dates), secrets
 * to rotate now, where to log in, who to call (inventory owners), access to review, and what
 * to do when something breaks, every line drawn from a recorded fact. Kept short on purpose
 * (it is what someone prints and pins up); details live in later sections.
 */
export function guide(d: HandoverData): Content[] {
  const g = d.guide
  return [
    {
      stack: [
        heading('Operating guide', { id: 'guide' }),
        { text: [{ text: d.verdict.headline, bold: true, color: d.verdict.ready ? COLORS.pass : COLORS.fail }, '. When something looks wrong: check the monitor, open the system below, call its owner, and follow the matching recovery runbook later in this document.'], style: 'lead' },
        sub('What to watch'),
        bullets(g.watch, 'Nothing was checked yet.'),
      ],
      unbreakable: true,
    },
    ...(g.rotate.length
      ? [sub('Rotate now: exposed secrets'), bullets(g.rotate, ''), { text: 'Once rotated, record it (handover secrets rotated, or Access inventory in the app): the line goes away.', style: 'note', margin: [0, 0, 0, 4] } as Content]
      : []),
    sub('Where to look'),
    g.where.length > 6
      ? { columns: [bullets(g.where.slice(0, Math.ceil(g.where.length / 2)), ''), bullets(g.where.slice(Math.ceil(g.where.length / 2)), '')], columnGap: 10 }
      : bullets(g.where, 'No login URLs recorded yet: fill in the access inventory.'),
    sub('Who to call'),
    bullets(g.call, ''),
    ...(g.review.length ? [sub('Access to review'), bullets(g.review, '')] : []),
    sub('When it breaks'),
    bullets(g.breaks, ''),
  ]
}
