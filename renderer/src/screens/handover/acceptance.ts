import type { HandoverState } from '../../store/types/handover'

/** Whether the founder accepted the newest bundle, as one line of the readiness summary. */
export interface AcceptanceLine {
  tone: 'pass' | 'warn' | 'fail' | 'info'
  word: string
  text: string
}

/**
 * A bundle's acceptance (the newest unless named), read from its verification report (the screen verifies the
 * newest bundle when it opens): none built, checking, not accepted yet, accepted (by whom), or
 * an acceptance that does not hold.
 */
export function acceptanceState(h: Pick<HandoverState, 'bundles' | 'report' | 'reportOf'>, bundle?: string): AcceptanceLine {
  if (!h.bundles) return { tone: 'info', word: '…', text: 'Reading the bundles…' }
  const newest = bundle ? h.bundles.find((b) => b.name === bundle) : h.bundles[0]
  if (!newest) return { tone: 'info', word: 'No bundle', text: 'No bundle built yet, so there is nothing for the founder to accept.' }
  if (h.reportOf !== newest.name || !h.report) return { tone: 'info', word: '…', text: `Checking ${newest.name}…` }
  if (!h.report.ok) return { tone: 'fail', word: 'Damaged', text: `${newest.name} does not verify: see Verification below before sending it.` }
  const good = h.report.acceptances.filter((a) => a.ok)
  const bad = h.report.acceptances.filter((a) => !a.ok)
  if (good.length)
    return { tone: 'pass', word: 'Accepted', text: `${newest.name} accepted by ${good.map((a) => `${a.name} <${a.email}> on ${a.acceptedAt}`).join('; ')}.` }
  if (bad.length) return { tone: 'fail', word: 'Invalid', text: `An acceptance beside ${newest.name} does not hold (of another bundle, or changed): ask the founder to accept this one again.` }
  return { tone: 'warn', word: 'Not yet', text: `${newest.name} is not accepted by the founder yet: they accept it on their own machine, with their own key.` }
}
