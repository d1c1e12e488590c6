import type { HandoverData } from '../../data'
import { day } from '../theme'

/** The sprint's state at handover in one line: finished, still running (time left), or out of time. */
export function sprintState(d: HandoverData): string {
  const s = d.sprint
  if (!s) return 'No sprint was recorded: these are the audit results alone.'
  const started = `started ${day(s.startedAt)}`
  if (s.state === 'finished') return `Sprint ${started}, finished ${day(s.finishedAt)}.`
  if (s.state === 'running') {
    const h = Math.floor(s.msLeft / 3_600_000)
    const m = Math.floor((s.msLeft % 3_600_000) / 60_000)
    return `Sprint ${started} and NOT finished: ${h} h ${String(m).padStart(2, '0')} min were left on the 48-hour clock at handover.`
  }
  return `Sprint ${started}; its 48 hours ran out on ${day(s.endsAt)} before it was finished.`
}
