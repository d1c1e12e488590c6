import { afterEach, describe, expect, it } from 'vitest'
import { gatherHandover } from '../../../electron/core/handover/data'
import { handoverReadiness } from '../../../electron/core/handover/facts/readiness'
import { SprintService } from '../../../electron/core/sprint/service'
import { tempDir } from '../../helpers/tmp'
import { seededWorkspace } from './fixture'

const signer = { name: 'Ada', email: 'ada@example.com', organisation: 'Ada Studio', website: '', fingerprint: 'a'.repeat(64), certFingerprint: null }
let tmp: { dir: string; cleanup(): void } | undefined
afterEach(() => tmp?.cleanup())

describe('the readiness the handover screen shows before building', () => {
  it('is the verdict the PDF opens with, with its launch blockers in the same order, before and after a sprint starts', () => {
    tmp = tempDir('handover-readiness-')
    const { ws, engagement } = seededWorkspace(tmp.dir)
    try {
      for (const sprint of ['none', 'running'] as const) {
        if (sprint === 'running') new SprintService(ws).start(engagement.id)
        const r = handoverReadiness(ws, engagement.id, [])
        const pdf = gatherHandover(ws, engagement, [], signer).verdict
        expect(r.sprint).toBe(sprint)
        expect(r.headline).toBe(pdf.headline)
        expect(r.ready).toBe(pdf.ready)
        expect(r.launchBlockers.map((b) => b.itemId)).toEqual(pdf.launchBlockers.map((b) => b.itemId))
        expect(r.launchBlockers.length).toBeGreaterThan(0)
        expect(r.headline).toMatch(/^Not ready to launch: \d+ launch blockers? open$/)
      }
    } finally {
      ws.close()
    }
  })
})
