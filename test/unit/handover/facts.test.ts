import { describe, expect, it } from 'vitest'
import type { ResultRow } from '../../../electron/core/handover/results'
import { redirectMap } from '../../../electron/core/handover/facts/redirects'
import { envRows, monitoringView, certificates } from '../../../electron/core/handover/facts/operations'
import { dnsMap } from '../../../electron/core/handover/facts/dns-map'
import { verdictOf } from '../../../electron/core/handover/facts/verdict'
import { guideFacts, type GuideInput } from '../../../electron/core/handover/facts/guide'
import { mailView } from '../../../electron/core/handover/facts/mail'
import { dmarcAdvice } from '../../../electron/core/runbooks/values'
import { inlineMarkdown } from '../../../electron/core/handover/pdf/markdown'
import type { ItemView } from '../../../electron/core/handover/facts/types'
import type { Engagement } from '@shared/schemas/engagement'

const row = (checkId: string, target: string, status: string, details: Record<string, unknown>, summary = ''): ResultRow => ({ id: 1, checkId, target, status, summary, details, evidenceId: null, finishedAt: '' })
const e = { id: 'e1', domain: 'a.example', clientName: 'A', founderName: 'Ada', founderEmail: 'ada@a.example', hosts: [{ name: 'a.example', role: 'apex' }, { name: 'www.a.example', role: 'web' }, { name: 'staging.a.example', role: 'staging' }] } as unknown as Engagement

describe('the handover facts, read from what the checks recorded', () => {
  it('maps every entry URL once, hop by hop, staging included', () => {
    const map = redirectMap([
      row('http.canonical', 'a.example', 'fail', { entries: [{ entry: 'http://www.a.example/handover-probe/page?utm_source=handover', chain: [{ url: 'http://www.a.example/handover-probe/page?utm_source=handover', status: 301 }, { url: 'https://a.example/handover-probe/page?utm_source=handover', status: 200 }] }] }),
      row('http.https', 'www.a.example', 'pass', { chain: [{ url: 'http://www.a.example/', status: 301 }] }),
      row('http.https', 'staging.a.example', 'fail', { status: 200, location: null, chain: [{ url: 'http://staging.a.example/', status: 200 }] }),
    ])
    expect(map.map((m) => m.entry)).toEqual(['http://www.a.example/', 'http://staging.a.example/'])
    expect(map[0].hops).toEqual([{ url: 'http://www.a.example/', status: 301 }, { url: 'https://a.example/', status: 200 }])
    expect(map[1].hops).toEqual([{ url: 'http://staging.a.example/', status: 200 }])
  })

  it('flags secrets behind public prefixes and production secrets shared with previews', () => {
    const env = envRows([row('host.env', 'e1', 'fail', { names: { production: ['DATABASE_URL', 'NEXT_PUBLIC_STRIPE_SECRET_KEY', 'SESSION_SECRET'], preview: ['SESSION_SECRET'] }, publicSecrets: ['NEXT_PUBLIC_STRIPE_SECRET_KEY'], sharedWithPreview: ['SESSION_SECRET'] })])
    expect(env[0]).toEqual({ name: 'NEXT_PUBLIC_STRIPE_SECRET_KEY', environments: ['production'], publicSecret: true, sharedWithPreview: false })
    expect(env.find((v) => v.name === 'SESSION_SECRET')).toMatchObject({ sharedWithPreview: true, environments: ['preview', 'production'] })
  })

  it('shows monitoring owners and each key route p95 against its target', () => {
    const m = monitoringView([
      row('mon.uptime', 'e1', 'fail', { provider: 'uptimerobot', account: 'ada@a.example', monitors: [{ name: 'Home', url: 'https://a.example/' }], contacts: [{ name: 'Ada', type: 'email' }], unmonitored: ['app.a.example'] }),
      row('http.routes', 'a.example', 'warn', { targets: { p95PassMs: 300, p95WarnMs: 500 }, routes: [{ url: 'https://a.example/', present: true, status: 200, stats: { p95: 120 } }, { url: 'https://a.example/api', present: true, status: 200, stats: { p95: 450 } }, { url: 'https://a.example/x', present: false, status: 404 }] }),
    ])
    expect(m).toMatchObject({ provider: 'UptimeRobot', account: 'ada@a.example', contacts: ['Ada (email)'], unmonitored: ['app.a.example'] })
    expect(m.routes.map((r) => r.verdict)).toEqual(['within target', 'above target'])
  })

  it('prints every record at each name with Cloudflare proxy status, the DMARC record and zone-only names', () => {
    const map = dnsMap(e, [
      row('dns.hosts', 'a.example', 'pass', { records: [{ type: 'MX', value: '10 mx.a.example', ttl: 300 }, { type: 'A', value: '192.0.2.1', ttl: 300 }, { type: 'NS', value: 'ns1.dns.example', ttl: 3600 }] }),
      row('cf.proxy', 'a.example', 'fail', { records: [{ name: 'a.example', type: 'A', content: '192.0.2.1', proxied: true }, { name: 'origin.a.example', type: 'A', content: '192.0.2.1', proxied: false }] }),
      row('mail.dmarc', 'a.example', 'pass', { text: 'v=DMARC1; p=quarantine', recordDomain: 'a.example', record: { p: 'quarantine', rua: [] } }),
    ])
    expect(map[0].records.map((r) => `${r.type} ${r.value} ${r.proxied}`)).toEqual(['NS ns1.dns.example null', 'A 192.0.2.1 true', 'MX 10 mx.a.example null'])
    expect(map.find((n) => n.name === '_dmarc.a.example')?.records[0].value).toBe('v=DMARC1; p=quarantine')
    expect(map.find((n) => n.name === 'origin.a.example')).toMatchObject({ role: 'zone only', records: [{ proxied: false }] })
  })

  it('states the verdict in words: open launch blockers first, accepted risks named', () => {
    const item = (severity: ItemView['severity'], status: ItemView['status']) => ({ severity, status }) as ItemView
    expect(verdictOf([item('launch-blocker', 'fail'), item('launch-blocker', 'todo'), item('scale-risk', 'fail')]).headline).toBe('Not ready to launch: 2 launch blockers open')
    expect(verdictOf([item('launch-blocker', 'pass'), item('scale-risk', 'waived'), item('scale-risk', 'waived')]).headline).toBe('Ready to launch, with 2 accepted risks')
    expect(verdictOf([item('launch-blocker', 'attention')]).headline).toBe('Ready to launch, with 1 item to improve')
  })

  it('never advises what a check contradicts: rollback only to a target that exists, mail records the map prints', () => {
    const base: GuideInput = {
      engagement: e,
      signer: { name: 'Casey', email: 'casey@consult.example' },
      domain: null,
      certificates: certificates([row('tls.cert', 'a.example', 'pass', { validTo: '2030-01-01T00:00:00Z', issuer: 'CN=Lab CA, O=Lab' }), row('tls.cert', 'www.a.example', 'pass', { validTo: '2030-01-01T00:00:00Z', issuer: 'CN=Lab CA, O=Lab' })], new Date('2029-12-01T00:00:00Z')),
      monitoring: monitoringView([]),
      mail: mailView([]),
      deploy: { provider: 'Vercel', project: 'web', current: 'dpl_1', rollbackTarget: '', productionBranch: 'main', status: 'fail', summary: '' },
      exposures: [],
      inventory: [{ system: 'cdn', name: 'Cloudflare', admins: ['ada@a.example (Super Administrator)', 'old@agency.example (Administrator)'], ownerAccount: 'ada@a.example' } as never],
      dns: [],
    }
    const g = guideFacts(base)
    const text = JSON.stringify(g)
    expect(text).not.toMatch(/roll back to the previous deployment/i)
    expect(g.breaks[0].text).toMatch(/NO previous production deployment/)
    expect(guideFacts({ ...base, deploy: { ...base.deploy!, rollbackTarget: 'dpl_0' } }).breaks[0].text).toMatch(/roll back in Vercel to deployment dpl_0/)
    expect(g.breaks.find((b) => b.label === 'Email not arriving')!.text).toMatch(/no mail records were recorded/)
    expect(g.watch.filter((w) => w.label.startsWith('Certificate'))).toEqual([{ label: 'Certificates a.example, www.a.example', text: 'valid until 2030-01-01 (31 days left), issued by Lab CA.', tone: undefined }])
    expect(g.review).toEqual([expect.objectContaining({ label: 'old@agency.example' })])
    expect(g.call.map((c) => c.label)).toContain('ada@a.example')
  })

  it('keeps a stronger DMARC policy in its advice and renders runbook Markdown', () => {
    expect(dmarcAdvice({ policy: 'quarantine', reports: ['dmarc@a.example'] })).toMatch(/already says `p=quarantine`.*keep it, and do not lower it to `p=none`/)
    expect(dmarcAdvice({ policy: 'reject', reports: [] })).not.toMatch(/move to `p=quarantine`/)
    expect(inlineMarkdown('Run `dig NS a.example` and see **two** lines at https://a.example/x.')).toEqual([
      'Run ',
      expect.objectContaining({ text: 'dig NS a.example', font: 'Mono' }),
      ' and see ',
      { text: 'two', bold: true },
      ' lines at ',
      expect.objectContaining({ text: 'https://a.example/x', link: 'https://a.example/x' }),
      '.',
    ])
  })
})
