import { afterAll, describe, expect, it } from 'vitest'
import { check as deploy } from '../../../../electron/core/checks/host/deploy'
import { check as domains } from '../../../../electron/core/checks/host/domains'
import { check as env } from '../../../../electron/core/checks/host/env'
import type { ProvidersInput } from '../../../../electron/lab/providers'
import { DOMAIN, outcomeText, sandbox, type Sandbox } from '../cf/harness'

const vercelHealthy: ProvidersInput = {
  vercel: {
    projects: [
      {
        name: 'shop-web',
        domains: [DOMAIN, `www.${DOMAIN}`],
        deployments: [
          { state: 'READY', hoursAgo: 2 },
          { state: 'READY', hoursAgo: 30 },
        ],
        env: [
          { key: 'STRIPE_SECRET_KEY', target: ['production'] },
          { key: 'STRIPE_SECRET_KEY', target: ['preview', 'development'] },
          { key: 'NEXT_PUBLIC_SITE_URL', type: 'plain' },
        ],
      },
    ],
  },
}

const vercelDemo: ProvidersInput = {
  vercel: {
    projects: [
      {
        name: 'shop-web',
        domains: [DOMAIN],
        deployments: [{ state: 'READY', hoursAgo: 2 }],
        env: [{ key: 'NEXT_PUBLIC_STRIPE_SECRET_KEY', target: ['production', 'preview'] }],
      },
    ],
  },
}

const netlifyHealthy: ProvidersInput = {
  netlify: {
    sites: [
      {
        name: 'shop',
        customDomain: DOMAIN,
        domainAliases: [`www.${DOMAIN}`],
        deploys: [
          { state: 'ready', hoursAgo: 1 },
          { state: 'ready', hoursAgo: 20 },
          { state: 'ready', context: 'deploy-preview', hoursAgo: 3 },
        ],
        env: [{ key: 'DATABASE_URL', contexts: ['production'] }, { key: 'VITE_API_BASE' }],
      },
    ],
  },
}

describe('host.* against the sandbox Vercel and Netlify APIs', () => {
  let s: Sandbox | undefined
  afterAll(() => s?.close())
  const start = async (spec: ProvidersInput) => {
    await s?.close()
    return (s = await sandbox(spec))
  }

  it('Vercel healthy: deploy, env and domains pass; env values never reach the outcome', async () => {
    const sb = await start(vercelHealthy)
    for (const c of [deploy, env, domains]) {
      const r = await sb.run(c)
      expect({ id: c.meta.id, status: r.status }).toEqual({ id: c.meta.id, status: 'pass' })
      for (const canary of sb.canaries) expect(outcomeText(r)).not.toContain(canary)
      expect(outcomeText(r)).not.toContain(sb.credentials.vercel)
    }
  })

  it('Vercel demo: no rollback target, a public secret, www resolving but not attached', async () => {
    const sb = await start(vercelDemo)
    expect(await sb.run(deploy)).toMatchObject({ status: 'fail', summary: expect.stringMatching(/no previous good deployment/) })
    const e = await sb.run(env)
    expect(e).toMatchObject({ status: 'fail', summary: expect.stringMatching(/NEXT_PUBLIC_STRIPE_SECRET_KEY/) })
    for (const canary of sb.canaries) expect(outcomeText(e)).not.toContain(canary)
    expect(await sb.run(domains)).toMatchObject({ status: 'warn', summary: expect.stringMatching(/www\.shop\.test resolves in DNS but is not attached/) })
  })

  it('Netlify healthy: the same checks pass through the Netlify client', async () => {
    const sb = await start(netlifyHealthy)
    for (const c of [deploy, env, domains]) expect({ id: c.meta.id, ...(await sb.run(c, { only: ['netlify'] })) }).toMatchObject({ id: c.meta.id, status: 'pass' })
  })

  it('skip: no hosting credential, or no project serves the domain', async () => {
    const sb = await start(vercelHealthy)
    expect(await sb.run(deploy, { only: [] })).toMatchObject({ status: 'skip', summary: expect.stringMatching(/No Vercel or Netlify credential/) })
    const other = await start({ vercel: { projects: [{ name: 'a', domains: ['a.example'] }, { name: 'b', domains: ['b.example'] }] } })
    expect(await other.run(env)).toMatchObject({ status: 'skip', summary: expect.stringMatching(/No Vercel project on the connected account serves shop\.test/) })
  })
})
