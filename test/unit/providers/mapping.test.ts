import { describe, expect, it } from 'vitest'
import { toNetlifyDeploy, toNetlifyEnvName } from '../../../electron/core/providers/hosting/netlify'
import { toDeployment, toEnvName } from '../../../electron/core/providers/hosting/vercel'
import { toBetterStackMonitor } from '../../../electron/core/providers/monitoring/betterstack'
import { toUptimeRobotMonitor } from '../../../electron/core/providers/monitoring/uptimerobot'

describe('hosting clients keep names, never values', () => {
  it('Vercel env: key and targets only', () => {
    const e = toEnvName({ id: 'x', key: 'STRIPE_SECRET_KEY', value: 'sk_live_canary', type: 'encrypted', target: ['production'] })
    expect(e).toEqual({ name: 'STRIPE_SECRET_KEY', environments: ['production'], type: 'encrypted' })
    expect(JSON.stringify(e)).not.toContain('canary')
  })
  it('Netlify env: contexts mapped to environments, values dropped', () => {
    const e = toNetlifyEnvName({ key: 'DATABASE_URL', scopes: ['runtime'], values: [{ context: 'production', value: 'postgres://canary' }, { context: 'deploy-preview', value: 'x' }] })
    expect(e).toEqual({ name: 'DATABASE_URL', environments: ['production', 'preview'] })
    expect(toNetlifyEnvName({ key: 'A', values: [{ context: 'all', value: 'v' }] }).environments).toEqual(['production', 'preview', 'development'])
  })
  it('deployment states', () => {
    expect(toDeployment({ uid: 'd1', readyState: 'READY', created: 0 })).toMatchObject({ id: 'd1', state: 'ready', createdAt: '1970-01-01T00:00:00.000Z' })
    expect(toDeployment({ uid: 'd2', state: 'ERROR' }).state).toBe('error')
    expect(toNetlifyDeploy({ id: 'n1', state: 'building', context: 'production' })).toMatchObject({ context: 'production', deployment: { state: 'building' } })
  })
})

describe('monitoring clients', () => {
  it('UptimeRobot: paused, contacts, SSL reminder', () => {
    expect(toUptimeRobotMonitor({ id: 1, friendly_name: 'Home', url: 'https://a.test/', status: 2, alert_contacts: [{ id: '1' }], ssl_expiration_reminder: 1 })).toMatchObject({ active: true, alerting: true, sslExpiry: true })
    expect(toUptimeRobotMonitor({ id: 2, url: 'https://a.test/', status: 0 })).toMatchObject({ active: false, alerting: false, sslExpiry: undefined })
  })
  it('Better Stack: channels and ssl_expiration days', () => {
    expect(toBetterStackMonitor({ id: '1', attributes: { url: 'https://a.test', email: true, ssl_expiration: 14 } })).toMatchObject({ alerting: true, sslExpiry: true, active: true })
    expect(toBetterStackMonitor({ id: '2', attributes: { url: 'https://a.test', email: false, ssl_expiration: null, paused: true } })).toMatchObject({ alerting: false, sslExpiry: false, active: false })
  })
})
