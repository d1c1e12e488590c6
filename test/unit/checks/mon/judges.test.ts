import { describe, expect, it } from 'vitest'
import { bodySaysHealthy, healthCandidates } from '../../../../electron/core/checks/mon/health'
import { judgeUptime } from '../../../../electron/core/checks/mon/uptime'
import type { Monitor, MonitoringSnapshot } from '../../../../electron/core/providers/monitoring/types'

const D = 'shop.test'
const hosts = [
  { name: D, role: 'apex' as const },
  { name: `www.${D}`, role: 'web' as const },
  { name: `api.${D}`, role: 'api' as const },
  { name: `staging.${D}`, role: 'staging' as const },
]
const mon = (url: string, o: Partial<Monitor> = {}): Monitor => ({ id: url, name: url, url, type: 'http', active: true, alerting: true, sslExpiry: true, ...o })
const snap = (monitors: Monitor[], contacts = [{ id: '1', name: 'Founder', type: 'email' }]): MonitoringSnapshot => ({ provider: 'uptimerobot', monitors, contacts })
const full = [mon(`https://www.${D}/`), mon(`https://www.${D}/login`), mon(`https://api.${D}/health`)]

describe('mon.uptime', () => {
  it('pass when homepage, login and API health are watched with contacts and SSL alerts', () => {
    expect(judgeUptime(D, hosts, snap(full)).status).toBe('pass')
  })
  it('fail when a production host is unmonitored, nothing is active, or nobody is alerted', () => {
    expect(judgeUptime(D, hosts, snap(full.slice(0, 2)))).toMatchObject({ status: 'fail', unmonitored: [`api.${D}`] })
    expect(judgeUptime(D, hosts, snap(full.map((m) => ({ ...m, active: false })))).summary).toMatch(/no active monitors/i)
    expect(judgeUptime(D, hosts, snap(full.map((m) => ({ ...m, alerting: false })), [])).summary).toMatch(/nobody is told/)
  })
  it('warn when login is unmonitored or SSL-expiry alerting is off', () => {
    expect(judgeUptime(D, hosts, snap([full[0], full[2]])).summary).toMatch(/login/)
    expect(judgeUptime(D, hosts, snap(full.map((m) => ({ ...m, sslExpiry: false })))).summary).toMatch(/SSL-expiry alerting is off/)
  })
})

describe('mon.health', () => {
  it('reads healthy and unhealthy bodies', () => {
    expect(bodySaysHealthy('{"status":"ok","db":"up"}', 'application/json').healthy).toBe(true)
    expect(bodySaysHealthy('{"ok":true}').healthy).toBe(true)
    expect(bodySaysHealthy('OK', 'text/plain').healthy).toBe(true)
    expect(bodySaysHealthy('{"status":"degraded"}', 'application/json')).toEqual({ healthy: false, why: 'status is "degraded"' })
    expect(bodySaysHealthy('', 'text/plain').healthy).toBe(false)
    expect(bodySaysHealthy('<html><body>Welcome to our shop</body></html>', 'text/html').healthy).toBe(false)
    expect(bodySaysHealthy('{"status":', 'application/json').why).toMatch(/not valid JSON/)
  })
  it('tries API hosts first, then the site, bounded', () => {
    const urls = healthCandidates(D, hosts)
    expect(urls[0]).toBe(`https://api.${D}/health`)
    expect(urls).toContain(`https://www.${D}/api/health`)
    expect(urls.some((u) => u.includes('staging'))).toBe(false)
    expect(urls.length).toBeLessThanOrEqual(8)
  })
})
