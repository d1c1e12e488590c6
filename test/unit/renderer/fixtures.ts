import type { Engagement } from '@shared/schemas/engagement'

/** A stored engagement as core returns it, with overrides. */
export function engagement(over: Partial<Engagement> = {}): Engagement {
  const domain = over.domain ?? 'acme.example'
  return {
    id: 'e1',
    clientName: 'Acme',
    founderName: 'Ada Lovelace',
    founderEmail: 'ada@acme.example',
    domain,
    stage: 'demo-launch',
    vertical: 'bootstrapped-saas',
    notes: '',
    hosts: [
      { name: domain, role: 'apex' },
      { name: `www.${domain}`, role: 'web' },
    ],
    dkimSelectors: [],
    routes: [],
    privateTargets: [],
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...over,
  }
}
