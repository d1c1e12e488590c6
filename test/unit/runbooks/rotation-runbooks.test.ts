import { describe, expect, it } from 'vitest'
import { CREDENTIAL_PROVIDERS } from '@shared/contract/credentials'
import { loadRunbooks } from '../../../electron/core/runbooks/catalog'
import { fillRunbook, formatRunbook } from '../../../electron/core/runbooks/render'
import { runbookSchema } from '@shared/schemas/runbook'

describe('rotation runbooks', () => {
  const all = loadRunbooks()

  it('every provider the vault stores has a rotation runbook whose last step checks live that the old credential is dead', () => {
    for (const p of CREDENTIAL_PROVIDERS) {
      const rb = all.find((r) => r.provider === p)
      expect(rb, `a rotation runbook for ${p}`).toBeDefined()
      const last = rb!.steps[rb!.steps.length - 1]
      expect(last, `${rb!.id}: last step`).toMatchObject({ kind: 'verify', credential: 'revoked' })
      // ...and before it, a live check that the new one works, then the revocation itself.
      const works = rb!.steps.findIndex((s) => s.kind === 'verify' && s.credential === 'works')
      expect(works, `${rb!.id}: a "new one works" step`).toBeGreaterThan(0)
      expect(works).toBeLessThan(rb!.steps.length - 2)
    }
  })

  it('reads as plain text with every placeholder filled, and says how to check by hand', () => {
    for (const rb of all.filter((r) => r.provider)) {
      const text = formatRunbook(fillRunbook(rb, null, {}))
      expect(text, rb.id).not.toMatch(/\{\{/)
      expect(text, rb.id).toMatch(/Live check: the replaced credential is dead/)
      expect(text, rb.id).toMatch(/Without the app:/)
    }
  })

  it('refuses a credential probe without a provider, and a verify step with nothing to verify', () => {
    const base = { id: 'x', title: 'Xxx', summary: 'a summary of it', symptoms: ['s'], severity: 'scale-risk', rollback: 'undo it' }
    const probe = runbookSchema.safeParse({ ...base, steps: [{ id: 'a', title: 'Do it', do: 'do it now' }, { id: 'b', kind: 'verify', title: 'Check', credential: 'revoked' }] })
    expect(probe.success).toBe(false)
    expect(JSON.stringify(probe.error?.issues)).toMatch(/needs the runbook's provider/)
    const empty = runbookSchema.safeParse({ ...base, provider: 'stripe', steps: [{ id: 'a', title: 'Do it', do: 'do it now' }, { id: 'b', kind: 'verify', title: 'Check' }] })
    expect(JSON.stringify(empty.error?.issues)).toMatch(/needs checks or a credential probe/)
  })
})
