import { describe, expect, it } from 'vitest'
import { judgeDeploy } from '../../../../electron/core/checks/host/deploy'
import { judgeDomains } from '../../../../electron/core/checks/host/domains'
import { isPublicSecret, judgeEnv, looksSecret } from '../../../../electron/core/checks/host/env'
import type { Deployment, HostingSnapshot } from '../../../../electron/core/providers/hosting/types'

const dep = (id: string, state: Deployment['state'], hoursAgo: number): Deployment => ({ id, state, rawState: state.toUpperCase(), createdAt: new Date(Date.parse('2026-01-01') - hoursAgo * 3_600_000).toISOString() })
const snap = (o: Partial<HostingSnapshot> = {}): HostingSnapshot => ({ provider: 'vercel', project: { id: 'p', name: 'shop' }, productionBranch: 'main', deployments: [], env: [], domains: [], ...o })

describe('host.deploy', () => {
  it('pass with a healthy production and a previous good deployment', () => {
    expect(judgeDeploy(snap({ deployments: [dep('d2', 'ready', 1), dep('d1', 'ready', 30)] }))).toMatchObject({ status: 'pass', currentId: 'd2', rollbackId: 'd1' })
  })
  it('fail without a rollback target, a production deployment, or a healthy one', () => {
    expect(judgeDeploy(snap({ deployments: [dep('d1', 'ready', 1)] }))).toMatchObject({ status: 'fail', summary: expect.stringMatching(/no previous good deployment/) })
    expect(judgeDeploy(snap()).status).toBe('fail')
    expect(judgeDeploy(snap({ deployments: [dep('d1', 'error', 1)] })).status).toBe('fail')
  })
  it('warn when the newest deployment failed but production still serves a good one', () => {
    expect(judgeDeploy(snap({ deployments: [dep('d3', 'error', 1), dep('d2', 'ready', 5), dep('d1', 'ready', 30)] })).status).toBe('warn')
  })
})

describe('host.env', () => {
  it('spots secrets behind public prefixes', () => {
    for (const n of ['NEXT_PUBLIC_STRIPE_SECRET_KEY', 'VITE_OPENAI_API_KEY', 'REACT_APP_DB_PASSWORD', 'EXPO_PUBLIC_SUPABASE_SERVICE_ROLE_KEY', 'PUBLIC_GITHUB_TOKEN']) expect(isPublicSecret(n)).toBe(true)
    for (const n of ['NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY', 'NEXT_PUBLIC_SUPABASE_ANON_KEY', 'VITE_APP_NAME', 'STRIPE_SECRET_KEY']) expect(isPublicSecret(n)).toBe(false)
    expect(looksSecret('DATABASE_URL')).toBe(true)
    // Public by design: Firebase web config, Maps, analytics and search-only keys; never a service role or a CI token.
    for (const n of ['NEXT_PUBLIC_FIREBASE_API_KEY', 'NEXT_PUBLIC_FIREBASE_DATABASE_URL', 'VITE_GOOGLE_MAPS_API_KEY', 'NEXT_PUBLIC_SEGMENT_WRITE_KEY', 'NEXT_PUBLIC_ALGOLIA_SEARCH_KEY', 'NEXT_PUBLIC_SENTRY_DSN']) expect(isPublicSecret(n)).toBe(false)
    for (const n of ['NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY', 'NEXT_PUBLIC_FIREBASE_TOKEN', 'NEXT_PUBLIC_FIREBASE_ADMIN_PRIVATE_KEY', 'NEXT_PUBLIC_ALGOLIA_ADMIN_KEY']) expect(isPublicSecret(n)).toBe(true)
    const firebase = judgeEnv([{ name: 'NEXT_PUBLIC_FIREBASE_API_KEY', environments: ['production', 'preview'] }])
    expect(firebase).toMatchObject({ status: 'pass', summary: expect.stringMatching(/NEXT_PUBLIC_FIREBASE_API_KEY is a key meant for browsers: check its API and referrer restrictions$/) })
  })
  it('fail / warn / pass', () => {
    expect(judgeEnv([{ name: 'NEXT_PUBLIC_STRIPE_SECRET_KEY', environments: ['production'] }])).toMatchObject({ status: 'fail', publicSecrets: ['NEXT_PUBLIC_STRIPE_SECRET_KEY'] })
    expect(judgeEnv([{ name: 'STRIPE_SECRET_KEY', environments: ['production', 'preview'] }])).toMatchObject({ status: 'warn', shared: ['STRIPE_SECRET_KEY'] })
    const ok = judgeEnv([
      { name: 'STRIPE_SECRET_KEY', environments: ['production'] },
      { name: 'STRIPE_SECRET_KEY', environments: ['preview'] },
      { name: 'NEXT_PUBLIC_SITE_URL', environments: ['production', 'preview', 'development'] },
    ])
    expect(ok).toMatchObject({ status: 'pass', byEnvironment: { production: ['NEXT_PUBLIC_SITE_URL', 'STRIPE_SECRET_KEY'] } })
  })
})

describe('host.domains', () => {
  const D = 'shop.test'
  const view = (name: string, resolves: boolean) => ({ name, resolves, answer: resolves ? ['A 192.0.2.1'] : [] })
  it('pass when apex and www are attached and resolve', () => {
    const s = snap({ domains: [{ name: D, verified: true }, { name: `www.${D}`, verified: true }, { name: 'shop.vercel.app' }] })
    expect(judgeDomains(D, [D, `www.${D}`], s, [view(D, true), view(`www.${D}`, true)]).status).toBe('pass')
  })
  it('warn when a resolving host is not attached, an attached one does not resolve, or is unverified', () => {
    expect(judgeDomains(D, [D, `www.${D}`], snap({ domains: [{ name: D }] }), [view(D, true), view(`www.${D}`, true)]).summary).toMatch(/www\.shop\.test resolves in DNS but is not attached/)
    expect(judgeDomains(D, [D], snap({ domains: [{ name: D }, { name: `old.${D}` }] }), [view(D, true), view(`old.${D}`, false)]).summary).toMatch(/old\.shop\.test is attached but does not resolve/)
    expect(judgeDomains(D, [D], snap({ domains: [{ name: D, verified: false }] }), [view(D, true)]).status).toBe('warn')
  })
})
