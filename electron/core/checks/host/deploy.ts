import type { HostingSnapshot } from '../../providers/hosting/types'
import { apiEvidence } from '../../providers/outcome'
import type { CheckModule, CheckOutcome } from '../types'
import { withHosting } from './lib/hosting'

/** Production healthy, and a previous READY production deployment to roll back to. */
export function judgeDeploy(s: HostingSnapshot): Pick<CheckOutcome, 'status' | 'summary'> & { currentId?: string; rollbackId?: string } {
  const deps = s.deployments
  if (deps.length === 0) return { status: 'fail', summary: `No production deployment found for ${s.project.name}` }
  const current = deps.find((d) => d.id === s.currentId) ?? deps.find((d) => d.state === 'ready')
  if (!current || current.state !== 'ready') return { status: 'fail', summary: `Production is not serving a healthy deployment (latest is ${deps[0].rawState || deps[0].state})` }
  const rollback = deps.find((d) => d.id !== current.id && d.state === 'ready' && Date.parse(d.createdAt ?? '0') <= Date.parse(current.createdAt ?? '0'))
  const ids = { currentId: current.id, rollbackId: rollback?.id }
  if (!rollback) return { status: 'fail', summary: `Production deployment ${current.id} is healthy, but there is no previous good deployment to roll back to`, ...ids }
  if (deps[0].id !== current.id && deps[0].state === 'error') {
    return { status: 'warn', summary: `The newest production deployment failed (${deps[0].id}); production still serves ${current.id}`, ...ids }
  }
  const branch = s.productionBranch ? ` from ${s.productionBranch}` : ''
  return { status: 'pass', summary: `Production deployment ${current.id}${branch} is healthy; ${rollback.id} is ready to roll back to`, ...ids }
}

export const check: CheckModule = {
  meta: {
    id: 'host.deploy',
    title: 'Production deployment healthy, rollback ready',
    area: 'host',
    stage: 'deployment',
    why: 'When a release breaks the site, rolling back to the previous good deployment takes seconds, but only if one exists.',
    fix: 'Deploy production at least twice from the production branch so a previous good deployment exists, and rehearse "Instant Rollback" (Vercel) or "Publish deploy" on an older deploy (Netlify). Fix failing builds before the next release.',
    byHand: { command: 'vercel ls --prod   (or: netlify api listSiteDeploys --data \'{"site_id":"<id>"}\')', expect: 'at least two Ready production deployments: the current one and one to roll back to' },
    runbook: 'deploy-broke-production',
    scope: 'engagement',
    network: true,
  },
  run: (ctx) =>
    withHosting(ctx, (s, cred) => {
      const v = judgeDeploy(s)
      return {
        status: v.status,
        summary: v.summary,
        details: { provider: s.provider, project: s.project, owner: s.owner ?? null, productionBranch: s.productionBranch, current: v.currentId, rollbackTarget: v.rollbackId ?? null, deployments: s.deployments.slice(0, 10) },
        evidence: [apiEvidence(`${s.provider} production deployments of ${s.project.name}`, { project: s.project, productionBranch: s.productionBranch, currentId: s.currentId, deployments: s.deployments }, cred)],
      }
    }),
}
