import { describe, expect, it } from 'vitest'
import type { VerifyReport } from '@shared/contract/handover'
import { verdictOf } from '@shared/verdict'
import { acceptanceState } from '../../../../renderer/src/screens/handover/acceptance'
import { cachedPage, drawPage } from '../../../../renderer/src/screens/handover/pageCache'
import type { PdfPages } from '../../../../renderer/src/screens/handover/pdf'

const item = (severity: 'launch-blocker' | 'scale-risk', status: 'fail' | 'pass' | 'attention' | 'waived' | 'todo', id = `${severity}-${status}`) => ({ id, severity, status })

describe('the readiness summary says what the PDF says', () => {
  it('names open launch blockers, items to improve and accepted risks', () => {
    const v = verdictOf([item('launch-blocker', 'fail', 'a'), item('launch-blocker', 'todo', 'b'), item('scale-risk', 'attention'), item('scale-risk', 'waived'), item('launch-blocker', 'pass')])
    expect(v.headline).toBe('Not ready to launch: 2 launch blockers open')
    expect(v.launchBlockers.map((i) => i.id)).toEqual(['a', 'b'])
    expect([v.attention.length, v.waived.length]).toEqual([1, 1])
    expect(verdictOf([item('launch-blocker', 'pass'), item('scale-risk', 'waived'), item('scale-risk', 'attention')]).headline).toBe('Ready to launch, with 1 accepted risk and 1 item to improve')
  })
})

const report = (acceptances: Partial<VerifyReport['acceptances'][number]>[], ok = true) =>
  ({ ok, items: [], signer: null, expected: null, acceptances: acceptances.map((a) => ({ stem: 'acceptance-x', name: 'Zoë', email: 'z@x.example', acceptedAt: '2026-12-01T10:00:00Z', fingerprint: 'f'.repeat(64), ok: true, detail: '', ...a })) }) as unknown as VerifyReport

describe("the founder's acceptance of the newest bundle", () => {
  const bundles = [{ name: 'acme-2', createdAt: '' }, { name: 'acme-1', createdAt: '' }]
  it('says when nothing is built, while checking, not yet, accepted, and an acceptance that does not hold', () => {
    expect(acceptanceState({ bundles: [], report: null, reportOf: null }).word).toBe('No bundle')
    expect(acceptanceState({ bundles, report: report([]), reportOf: 'acme-1' }).text).toBe('Checking acme-2…')
    expect(acceptanceState({ bundles, report: report([]), reportOf: 'acme-2' })).toMatchObject({ tone: 'warn', word: 'Not yet' })
    expect(acceptanceState({ bundles, report: report([{}]), reportOf: 'acme-2' })).toMatchObject({ tone: 'pass', text: 'acme-2 accepted by Zoë <z@x.example> on 2026-12-01T10:00:00Z.' })
    expect(acceptanceState({ bundles, report: report([{ ok: false }]), reportOf: 'acme-2' })).toMatchObject({ tone: 'fail', word: 'Invalid' })
    expect(acceptanceState({ bundles, report: report([], false), reportOf: 'acme-2' }).word).toBe('Damaged')
    // a named older bundle
    expect(acceptanceState({ bundles, report: report([{}]), reportOf: 'acme-1' }, 'acme-1').word).toBe('Accepted')
  })
})

describe('pages drawn for the session', () => {
  /** A PDF whose pages "draw" by counting: pdf.js itself is exercised by the e2e test. */
  function countingPdf(): PdfPages & { drawn: string[] } {
    const drawn: string[] = []
    return {
      drawn,
      count: 3,
      render: async (n, w) => (drawn.push(`${n}@${w}`), { url: `blob:${n}@${w}`, width: w, height: w }),
      close: async () => {},
    }
  }
  it('draws large pages before thumbnails, skips pages nobody waits for, and never draws a page twice', async () => {
    const pdf = countingPdf()
    const hash = `h-${Math.random()}`
    const thumbs = [1, 2, 3].map((page) => drawPage({ pdf, hash, page, width: 112, urgent: false, wanted: () => page !== 3 }))
    const large = drawPage({ pdf, hash, page: 2, width: 720, urgent: true, wanted: () => true })
    await Promise.all([...thumbs, large])
    // the first thumbnail had already started; the large page jumps the rest of the queue
    expect(pdf.drawn).toEqual(['1@112', '2@720', '2@112'])
    expect(await thumbs[2]).toBeNull()
    expect(cachedPage(hash, 2, 720)?.url).toBe('blob:2@720')
    expect(await drawPage({ pdf, hash, page: 2, width: 720, urgent: true, wanted: () => true })).toMatchObject({ url: 'blob:2@720' })
    expect(pdf.drawn).toHaveLength(3)
  })
})
