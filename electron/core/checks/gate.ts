import type { NetworkProfile } from '../net/profile'
import { probeNetwork, type NetworkSanity } from '../net/sanity'
import { pendingKey, RunQueue, type Waiting } from './queue'
import type { CheckModule, CheckOutcome, CheckServices } from './types'
import type { Db } from '../workspace/db'

/** Why a run's network checks cannot judge now, if they cannot. */
export interface Gate {
  kind: Waiting['kind']
  reason: string
  sanity?: NetworkSanity
}

/**
 * Sanity before judgement: when the run has network checks, confirm the network first (see
 * probeNetwork). An offline machine or a network whose DNS lies closes the gate: its network
 * checks end as `error`, never as a verdict about the client.
 */
export async function openGate(plan: { check: CheckModule }[], profile: NetworkProfile, services: CheckServices, domain: string, signal: AbortSignal): Promise<Gate | null> {
  if (!plan.some((p) => p.check.meta.network)) return null
  if (profile.offline) return { kind: 'offline', reason: 'this computer is offline' }
  const sanity = await probeNetwork(services.dns, domain, signal)
  if (sanity.trusted || signal.aborted) return null
  return { kind: 'untrusted', reason: sanity.reason.slice(0, 600), sanity }
}

/** The outcome of a network check behind a closed gate: an error that says why, with the probes as evidence. */
export function gatedOutcome(g: Gate): CheckOutcome {
  if (g.kind === 'offline') return { status: 'error', summary: 'offline: this check needs the network; the run waits in the offline queue' }
  return {
    status: 'error',
    summary: `The network cannot be trusted right now (${g.reason}): nothing was judged; the run waits in the offline queue.`,
    details: { network: 'untrusted', probes: g.sanity?.probes ?? [] },
    evidence: [{ kind: 'net.sanity', label: 'Network sanity probes (known answers of the internet’s DNS)', data: g.sanity?.probes ?? [] }],
  }
}

/**
 * After a run: a closed gate puts it in the offline queue with its network check × target pairs;
 * an open one takes the pairs it ran off earlier waiting runs of the engagement.
 */
export function settleQueue(db: Db, g: Gate | null, run: { id: string; engagementId: string; startedAt: string; cancelled: boolean }, ran: { check: CheckModule; target: string }[]): Waiting | null {
  const queue = new RunQueue(db)
  const pairs = ran.filter((p) => p.check.meta.network).map((p) => pendingKey(p.check.meta.id, p.target))
  if (g && pairs.length) {
    const w: Waiting = { kind: g.kind, reason: g.reason, since: run.startedAt, pending: pairs }
    queue.wait(run.id, w)
    return w
  }
  if (!g && !run.cancelled) queue.settle(run.engagementId, run.id, pairs)
  return null
}
