import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { gatherHandover } from '../../../../electron/core/handover/data'
import { renderHandoverPdf } from '../../../../electron/core/handover/pdf/document'
import { demoProbes } from '../../../../electron/cli/demo-probes'
import { tempDir } from '../../../helpers/tmp'
import { D, probeSandbox, type ProbeSandbox } from './harness'

/** The handover PDF's probes section: the consent, rate limits per endpoint, injection verdicts per class, error tracking and the smoke flow. */
describe('handover PDF: abuse, AI and smoke probes', () => {
  let s: ProbeSandbox | undefined
  const tmp = tempDir()
  afterAll(async () => {
    await s?.close()
    tmp.cleanup()
  })

  it('prints who consented to what, and what each probe found', async () => {
    s = await probeSandbox()
    await s.declare(demoProbes(D))
    await s.consent()
    await s.audit(['abuse.rate-limit', 'ai.injection', 'obs.error-tracking', 'http.smoke'])
    const signer = { name: 'Casey Consultant', email: 'casey@example.com', organisation: '', website: '', fingerprint: 'ab'.repeat(32), certFingerprint: null }
    const data = gatherHandover(s.core.workspace, s.core.workspace.engagements.get(s.engagement.id), [], signer)
    const file = join(tmp.dir, 'handover.pdf')
    writeFileSync(file, await renderHandoverPdf(data))
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    const section = text.slice(text.lastIndexOf('Abuse, AI and smoke probes'))
    expect(section).toMatch(/Ada Founder\s+app-login \(POST https:\/\/app\.acme-launch\.example\/api\/login\)/)
    expect(section).toMatch(/in force/)
    expect(section).toMatch(/app-login .*no limit in 30/)
    expect(section).toMatch(/api-login .*5 \(rate-limited\)/)
    expect(section).toMatch(/tool-misuse\s+0 of 4\s+tool-01: tool call/)
    expect(section).toMatch(/Prompt injection: assistant \(handover-ai-injection@1\)/)
    expect(section).toMatch(/encoding\s+0 of 5\s+enc-01: canary \(base64\); enc-02: canary \(rot13\)/)
    expect(section).toMatch(/Error tracking: Sentry \(release acme-web@1\.4\.2\)/)
    expect(section).toMatch(/staging sign-in .*GET https:\/\/staging\.acme-launch\.example\/login → HTTP 200/)
    expect(text).toMatch(/Abuse, AI and smoke probes\s+\d+/) // in the contents
  })
})
