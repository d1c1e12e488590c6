import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { CheckStore } from '../../../electron/core/checks/persist'
import type { SecretStore } from '../../../electron/core/vault/keychain'
import { engagementCreateSchema, type Engagement } from '@shared/schemas/engagement'

/** A secret store held in memory: the SecretStore interface's simplest backend, for unit tests. */
export function memoryStore(available = true): SecretStore & { items: Map<string, string> } {
  const items = new Map<string, string>()
  return {
    items,
    available: async () => (available ? { ok: true } : { ok: false, reason: 'no Secret Service on this bus' }),
    get: async (a) => items.get(a) ?? null,
    set: async (a, s) => void items.set(a, s),
    delete: async (a) => items.delete(a),
  }
}

/** A workspace with an IDN engagement and two check runs (a blocker fixed between them). */
export function seededWorkspace(dir: string): { ws: Workspace; engagement: Engagement } {
  const ws = openWorkspace(dir)
  const engagement = ws.engagements.create(engagementCreateSchema.parse({
    domain: 'bücher-café.example',
    clientName: 'Bücher Café GmbH',
    founderName: 'Zoë Müller',
    founderEmail: 'zoe@xn--bcher-caf-m4a5h.example',
    stage: 'demo-launch',
    vertical: 'b2b-service',
    notes: '',
    hosts: ['www', 'app', 'api'],
  }))
  const store = new CheckStore(ws.db, ws.evidence)
  const at = new Date().toISOString()
  const save = (runId: string, items: { checkId: string; target: string; status: 'pass' | 'warn' | 'fail' | 'error' | 'skip'; summary: string; details?: Record<string, unknown> }[]) => {
    store.startRun(runId, engagement.id, at, items.length)
    store.saveBatch(
      runId,
      engagement.id,
      items.map((i) => ({ checkId: i.checkId, target: i.target, outcome: { status: i.status, summary: i.summary, details: i.details ?? {}, evidence: [{ kind: 'dns.answer', label: `${i.checkId} answer`, data: { q: i.target } }] }, durationMs: 12, finishedAt: at })),
    )
    store.finishRun(runId, at, false)
  }
  const d = engagement.domain
  save('run-1', [{ checkId: 'http.https', target: `www.${d}`, status: 'fail', summary: 'http://www serves content over plain HTTP' }])
  save('run-2', [
    { checkId: 'http.https', target: `www.${d}`, status: 'pass', summary: 'http:// redirects to https:// with 301', details: { chain: [{ status: 301, url: `http://www.${d}/` }, { status: 200, url: `https://www.${d}/` }] } },
    { checkId: 'dns.hosts', target: `www.${d}`, status: 'pass', summary: 'resolves on every authoritative server', details: { answers: ['127.0.80.1'], elapsedMs: 4 } },
    { checkId: 'dns.hosts', target: `app.${d}`, status: 'pass', summary: 'CNAME to the hosting provider', details: { cname: 'cname.vercel-dns.example', answers: ['127.0.80.2'] } },
    { checkId: 'tls.cert', target: `app.${d}`, status: 'warn', summary: 'certificate expires in 10 days', details: { daysLeft: 10, issuer: 'Lab CA', serial: '01ab' } },
    { checkId: 'mail.dmarc', target: d, status: 'warn', summary: 'DMARC p=none without rua', details: { policy: 'none' } },
    { checkId: 'host.env', target: engagement.id, status: 'fail', summary: 'NEXT_PUBLIC_STRIPE_SECRET looks like a secret behind a public prefix', details: { production: ['DATABASE_URL', 'NEXT_PUBLIC_STRIPE_SECRET'], preview: ['DATABASE_URL'] } },
    { checkId: 'mon.uptime', target: engagement.id, status: 'pass', summary: '3 monitors cover homepage, login and API health', details: { monitors: [{ name: 'Homepage', url: `https://www.${d}/` }], contacts: ['oncall@example.com'] } },
    { checkId: 'cf.access', target: d, status: 'fail', summary: 'founder holds no owner role', details: { inventory: { system: 'cdn', name: 'Cloudflare', ownerAccount: 'consultant@example.com', admins: ['consultant@example.com'], twoFactor: 'on' } } },
  ])
  return { ws, engagement }
}
