import { describe, expect, it } from 'vitest'
import { loadRunbooks } from '../../../electron/core/runbooks/catalog'
import { engagementValues, fill, placeholdersIn } from '../../../electron/core/runbooks/placeholders'
import { loadTemplate } from '../../../electron/core/sprint/templates'
import type { Engagement } from '@shared/schemas/engagement'

const runbooks = loadRunbooks()
const KNOWN = new Set([
  'domain', 'client', 'founder.name', 'founder.email', 'registrar.name', 'registrar.loginUrl', 'registrar.owner', 'dns.provider',
  'hosting.provider', 'hosting.project', 'email.provider', 'monitoring.provider', 'baseline.records', 'baseline.nameservers', 'cloudflare.account',
  'dmarc.advice', 'deploy.rollback',
])

const demo: Engagement = {
  id: 'e1', clientName: 'Acme', founderName: 'Ada', founderEmail: 'ada@acme.example', domain: 'acme.example', stage: 'demo-launch',
  vertical: 'bootstrapped-saas', notes: '', hosts: [], dkimSelectors: [], routes: [], privateTargets: [], createdAt: '', updatedAt: '',
}

describe('bundled runbooks', () => {
  it('has the ten recovery runbooks (and a rotation runbook per vault provider), all valid', () => {
    expect(runbooks.filter((r) => !r.provider).map((r) => r.id).sort()).toEqual([
      'certificate-expiry', 'cloudflare-lockout', 'deploy-broke-production', 'dns-broke-site', 'domain-expired', 'domain-hijacked',
      'email-not-delivered', 'endpoint-abused', 'key-leaked', 'uptime-alert',
    ])
  })

  it('every runbook has a verify step and a way to reach it', () => {
    for (const r of runbooks) expect(r.steps.some((s) => s.kind === 'verify'), r.id).toBe(true)
  })

  it('uses only known placeholders, and each unknown-at-runtime value has a fallback', () => {
    for (const r of runbooks) {
      for (const p of placeholdersIn(JSON.stringify(r))) {
        expect(KNOWN.has(p.name), `${r.id}: {{${p.name}}}`).toBe(true)
        if (!['domain', 'client'].includes(p.name)) expect(p.fallback, `${r.id}: {{${p.name}}} needs a fallback`).toBe(true)
      }
    }
  })

  it('fills placeholders for an engagement with nothing left unresolved', () => {
    const values = engagementValues(demo, { 'registrar.name': 'Porkbun' })
    for (const r of runbooks) {
      const text = fill(JSON.stringify(r), values)
      expect(text, r.id).not.toMatch(/\{\{|\[[a-z]+\.[a-z]+\]/)
    }
    expect(fill('Log in to {{registrar.name|the registrar}} for {{domain}}', values)).toBe('Log in to Porkbun for acme.example')
    expect(fill('Ask {{hosting.provider|your host}}', values)).toBe('Ask your host')
  })

  it('covers every runbook the sprint template links to', () => {
    const ids = new Set(runbooks.map((r) => r.id))
    for (const item of loadTemplate().items) if (item.runbook) expect(ids.has(item.runbook), item.runbook).toBe(true)
  })
})

describe('filling values that contain quotes and newlines', () => {
  it('keeps the runbook intact', async () => {
    const { fillRunbook } = await import('../../../electron/core/runbooks/render')
    const rb = loadRunbooks().find((r) => r.id === 'dns-broke-site')!
    const filled = fillRunbook(rb, demo, { 'baseline.records': 'www.acme.example → CNAME "acme.example"\napp.acme.example → A 127.0.0.1', 'dns.provider': 'Cloudflare' })
    const step = filled.steps.find((s) => s.id === 'restore-records')!
    expect(step.do).toContain('www.acme.example → CNAME "acme.example"\napp.acme.example → A 127.0.0.1')
    expect(step.do).toContain('at Cloudflare')
  })
})

describe('check catalog links', () => {
  it('every runbook a check names exists', async () => {
    const { listChecks } = await import('../../../electron/core/checks/registry')
    const ids = new Set(loadRunbooks().map((r) => r.id))
    const missing = listChecks().filter((c) => c.meta.runbook && !ids.has(c.meta.runbook)).map((c) => `${c.meta.id} → ${c.meta.runbook}`)
    expect(missing).toEqual([])
  })
})
