import { describe, expect, it, afterAll } from 'vitest'
import { engagementCreateSchema, engagementUpdateSchema } from '@shared/schemas/engagement'
import { exportEngagement, importEngagement } from '../../../electron/core/workspace/transfer'
import { openWorkspace } from '../../../electron/core/workspace'
import { testSigner } from '../../helpers/chained'
import { tempDir } from '../../helpers/tmp'

const tmp = tempDir('handover-private-targets-')
afterAll(() => tmp.cleanup())

describe('an engagement’s private targets', () => {
  it('are normalised, kept, recorded in the evidence chain at each change, and never imported from a file', async () => {
    const ws = openWorkspace(`${tmp.dir}/a`)
    const other = openWorkspace(`${tmp.dir}/b`)
    try {
      const e = ws.engagements.create(engagementCreateSchema.parse({ domain: 'staging.example', privateTargets: ['Staging.Corp.Example.', '10.20.0.0/24', '10.20.0.0/24'] }))
      expect(e.privateTargets).toEqual(['staging.corp.example', '10.20.0.0/24'])
      ws.engagements.update(engagementUpdateSchema.parse({ id: e.id, patch: { notes: 'unrelated change' } }))
      ws.engagements.update(engagementUpdateSchema.parse({ id: e.id, patch: { privateTargets: [] } }))
      const items = ws.db.prepare<[string], { label: string; body: string }>(`SELECT label, body FROM evidence WHERE engagement_id = ? AND kind = 'engagement.private-targets' ORDER BY seq`).all(e.id)
      expect(items.map((i) => i.label)).toEqual(['Checks may reach these private targets: staging.corp.example, 10.20.0.0/24', 'Checks may reach no private target'])
      expect(JSON.parse(items[1].body).data).toEqual({ privateTargets: [], previous: ['staging.corp.example', '10.20.0.0/24'] })
      expect(ws.evidence.verify(e.id).ok).toBe(true)

      ws.engagements.update(engagementUpdateSchema.parse({ id: e.id, patch: { privateTargets: ['169.254.169.254'] } }))
      const moved = await importEngagement(other, exportEngagement(ws, e.id, await testSigner(ws)).bytes)
      expect(other.engagements.get(moved.id).privateTargets).toEqual([])
      expect(other.evidence.verify(moved.id).ok).toBe(true)
    } finally {
      ws.close()
      other.close()
    }
  })

  it('refuse what is not a host, address or narrow block, with the reason', () => {
    const bad = engagementCreateSchema.safeParse({ domain: 'staging.example', privateTargets: ['http://10.0.0.5/', '10.0.0.0/8', 'staging.corp.example:8443', 'bad host'] })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      '"http://10.0.0.5/" is not a host or address: give the host name or IP alone, like staging.corp.example or 10.0.0.5',
      '"10.0.0.0/8" opens a whole network: name the host, or a block of /16 or narrower',
      '"staging.corp.example:8443" has a port: give the host alone (every port of it is allowed)',
      '"bad host" is not a host name or IP address',
    ])
  })
})
