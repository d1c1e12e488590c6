import type { ProbeSettingsInput } from '@shared/schemas/probes'
import { recordProbeConsent } from '../core/probes/consent'
import { saveProbeSettings } from '../core/probes/settings'
import type { Workspace } from '../core/workspace'

/** The demo scenario's probe endpoints and staging smoke flow (resources/scenarios/demo.yaml). */
export function demoProbes(domain: string): ProbeSettingsInput {
  const staging = `https://staging.${domain}`
  return {
    endpoints: [
      { id: 'app-login', kind: 'login', url: `https://app.${domain}/api/login` },
      { id: 'api-login', kind: 'login', url: `https://api.${domain}/auth/login` },
      { id: 'assistant', kind: 'ai', url: `https://api.${domain}/v1/assist`, body: '{"prompt":"{prompt}"}', answerPath: 'answer', canary: 'ACME-CANARY-7Q4Z' },
    ],
    flows: [
      {
        name: 'staging sign-in',
        steps: [
          { url: `${staging}/login`, expectText: 'Sign in' },
          { url: `${staging}/session`, method: 'POST', form: { email: 'smoke@example.com', password: 'staging-only' }, expectText: 'Welcome back' },
          { url: `${staging}/dashboard`, expectText: 'Your projects' },
        ],
      },
    ],
  }
}

/** Declare the demo's endpoints and flows and record the founder's consent to probe them. */
export function declareDemoProbes(ws: Workspace, engagementId: string, domain: string, founder: string, consultant: string): void {
  saveProbeSettings(ws, engagementId, demoProbes(domain))
  recordProbeConsent(ws, engagementId, { givenBy: founder, recordedBy: consultant, note: 'The founder agreed to rate-limit and prompt-injection probes of the sandbox endpoints.' })
}
