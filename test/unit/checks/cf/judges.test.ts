import { describe, expect, it } from 'vitest'
import { judgeAccess } from '../../../../electron/core/checks/cf/access'
import { judgeCache } from '../../../../electron/core/checks/cf/cache'
import { targets, AUTH_PATHS, PRIVATE_PATHS } from '../../../../electron/core/checks/cf/lib/paths'
import { judgeProxy } from '../../../../electron/core/checks/cf/proxy'
import { judgeSecurity } from '../../../../electron/core/checks/cf/security'
import { judgeCfTls } from '../../../../electron/core/checks/cf/tls'
import { judgeToken } from '../../../../electron/core/checks/cf/token'
import { judgeZone } from '../../../../electron/core/checks/cf/zone'
import type { PrivilegeVerdict } from '../../../../electron/core/providers/cloudflare/permissions'
import type { CfRecord, CfRuleset, CfZone } from '../../../../electron/core/providers/cloudflare/types'

const D = 'shop.test'
const rec = (name: string, content: string, proxied: boolean, type = 'A'): CfRecord => ({ id: name, type, name, content, proxied, proxiable: true })
const zone = (o: Partial<CfZone> = {}): CfZone => ({ id: 'z', name: D, status: 'active', paused: false, nameServers: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'], originalNameServers: [], ...o })

describe('cf.token', () => {
  const ro: PrivilegeVerdict = { level: 'read-only', writes: [], accountWide: [], roles: [] }
  it('pass / warn / fail', () => {
    expect(judgeToken('active', ro, 'policies').status).toBe('pass')
    expect(judgeToken('active', { ...ro, level: 'zone-edit', writes: ['DNS Write'] }, 'policies')).toMatchObject({ status: 'warn', summary: expect.stringMatching(/DNS Write/) })
    expect(judgeToken('active', { ...ro, level: 'account-edit', accountWide: ['organization'] }, 'memberships')).toMatchObject({ status: 'warn', summary: expect.stringMatching(/account-wide/) })
    expect(judgeToken('disabled', ro, 'policies')).toMatchObject({ status: 'fail', summary: expect.stringMatching(/disabled/) })
  })
})

describe('cf.zone', () => {
  const ns = ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com']
  it('pass when active and delegated to the zone nameservers', () => {
    expect(judgeZone(D, zone(), ['BOB.ns.cloudflare.com.', 'ada.ns.cloudflare.com']).status).toBe('pass')
  })
  it('fail when missing, pending or delegated elsewhere', () => {
    expect(judgeZone(D, null, ns).status).toBe('fail')
    expect(judgeZone(D, zone({ status: 'pending' }), ns)).toMatchObject({ status: 'fail', summary: expect.stringMatching(/pending/) })
    expect(judgeZone(D, zone(), ['ns1.registrar.test'])).toMatchObject({ status: 'fail', summary: expect.stringMatching(/ns1\.registrar\.test/) })
  })
  it('warn when paused or the delegation is unknown', () => {
    expect(judgeZone(D, zone({ paused: true }), ns).status).toBe('warn')
    expect(judgeZone(D, zone(), undefined).status).toBe('warn')
  })
})

describe('cf.proxy', () => {
  it('pass when apex and www are proxied', () => {
    expect(judgeProxy(D, [rec(D, '192.0.2.1', true), rec(`www.${D}`, D, true, 'CNAME'), rec(`mail.${D}`, '198.51.100.9', false)], [D]).status).toBe('pass')
  })
  it('fail when the apex is unproxied, or a sibling exposes the origin', () => {
    expect(judgeProxy(D, [rec(D, '192.0.2.1', false)], [D]).status).toBe('fail')
    const v = judgeProxy(D, [rec(D, '192.0.2.1', true), rec(`origin.${D}`, '192.0.2.1', false)], [D])
    expect(v).toMatchObject({ status: 'fail', summary: expect.stringMatching(/origin\.shop\.test.*192\.0\.2\.1/) })
  })
  it('warn when another declared web host is unproxied, or no web records exist', () => {
    expect(judgeProxy(D, [rec(D, '192.0.2.1', true), rec(`app.${D}`, '203.0.113.5', false)], [D, `app.${D}`]).status).toBe('warn')
    expect(judgeProxy(D, [], [D]).status).toBe('warn')
  })
})

describe('cf.tls', () => {
  const good = { ssl: 'strict', always_use_https: 'on', min_tls_version: '1.2', automatic_https_rewrites: 'on' }
  it('pass / warn / fail', () => {
    expect(judgeCfTls(good).status).toBe('pass')
    expect(judgeCfTls({ ...good, ssl: 'full' })).toMatchObject({ status: 'warn', summary: expect.stringMatching(/Full, not Full \(strict\)/) })
    expect(judgeCfTls({ ...good, min_tls_version: '1.0' }).status).toBe('warn')
    expect(judgeCfTls({ ...good, always_use_https: 'off' }).status).toBe('warn')
    expect(judgeCfTls({ ...good, ssl: 'flexible' })).toMatchObject({ status: 'fail', summary: expect.stringMatching(/Flexible/) })
    expect(judgeCfTls({ ...good, ssl: 'off' }).status).toBe('fail')
    // Flexible does not hide the other problems: every finding, the failure first.
    const all = judgeCfTls({ ssl: 'flexible', always_use_https: 'on', min_tls_version: '1.0', automatic_https_rewrites: 'off' })
    expect(all.status).toBe('fail')
    expect(all.summary).toMatch(/^SSL mode is Flexible.*; minimum TLS version is 1\.0 \(want 1\.2 or higher\); Automatic HTTPS Rewrites is off$/)
  })
})

const rs = (phase: string, rules: Partial<CfRuleset['rules'][number]>[], kind = 'zone'): CfRuleset => ({ id: phase, kind, phase, rules: rules.map((r) => ({ expression: '', action: 'block', enabled: true, ...r })) })

describe('cf.security', () => {
  const limit = rs('http_ratelimit', [{ expression: '(http.request.uri.path matches "^/(login|signup|reset-password|api)")', action: 'block' }])
  it('pass with managed WAF and a rate limit on login and API', () => {
    expect(judgeSecurity({ securityLevel: 'medium', waf: 'on', rulesets: [limit] })).toMatchObject({ status: 'pass', covered: ['login/signup/reset', 'API'] })
  })
  it('warn without a rate limit, or one that misses login, or without WAF', () => {
    expect(judgeSecurity({ securityLevel: 'medium', waf: 'on', rulesets: [] })).toMatchObject({ status: 'warn', summary: 'no rate-limit rule' })
    expect(judgeSecurity({ securityLevel: 'medium', waf: 'on', rulesets: [rs('http_ratelimit', [{ expression: 'starts_with(http.request.uri.path, "/blog")' }])] }).summary).toMatch(/covers login/)
    expect(judgeSecurity({ securityLevel: 'medium', waf: 'off', rulesets: [limit] }).summary).toMatch(/WAF managed rules/)
    expect(judgeSecurity({ securityLevel: 'essentially_off', waf: 'on', rulesets: [limit] }).status).toBe('warn')
  })
  it('counts a deployed managed ruleset as WAF on', () => {
    expect(judgeSecurity({ securityLevel: 'high', waf: null, rulesets: [limit, rs('http_request_firewall_managed', [], 'managed')] }).status).toBe('pass')
  })
})

describe('cf.cache', () => {
  const cacheAll = (expression: string) => rs('http_request_cache_settings', [{ expression, action: 'set_cache_settings', actionParameters: { cache: true }, description: 'cache everything' }])
  it('fail when "cache everything" covers auth or API paths', () => {
    expect(judgeCache([cacheAll('starts_with(http.request.uri.path, "/api/")')]).status).toBe('fail')
    expect(judgeCache([cacheAll('true')]).status).toBe('fail')
  })
  it('pass for static-only cache rules, bypass rules, or none', () => {
    expect(judgeCache([cacheAll('starts_with(http.request.uri.path, "/assets/")')]).status).toBe('pass')
    expect(judgeCache([rs('http_request_cache_settings', [{ expression: 'starts_with(http.request.uri.path, "/api")', action: 'set_cache_settings', actionParameters: { cache: false } }])]).status).toBe('pass')
    expect(judgeCache([]).status).toBe('pass')
  })
  it('reads paths out of regex and bare-word expressions', () => {
    expect(targets('http.request.uri.path contains "login"', AUTH_PATHS)).toBe(true)
    expect(targets('http.request.uri.path eq "/blog"', PRIVATE_PATHS)).toBe(false)
  })
})

describe('cf.access', () => {
  const members = [
    { id: '1', email: 'consultant@agency.test', roles: ['Super Administrator - All Privileges'], status: 'accepted' },
    { id: '2', email: 'founder@shop.test', roles: ['Administrator'], status: 'accepted' },
  ]
  it('pass when the founder is a Super Administrator', () => {
    const owners = [{ ...members[1], roles: ['Super Administrator - All Privileges'] }]
    expect(judgeAccess(owners, 'Founder@Shop.test')).toMatchObject({ status: 'pass', superAdmins: ['founder@shop.test'] })
  })
  it('fail when the founder is only an Administrator, not a member, or only invited', () => {
    expect(judgeAccess(members, 'founder@shop.test')).toMatchObject({ status: 'fail', summary: expect.stringMatching(/only Administrator.*consultant@agency\.test/) })
    expect(judgeAccess(members, 'other@shop.test').summary).toMatch(/is not a member/)
    expect(judgeAccess([{ ...members[1], roles: ['Super Administrator - All Privileges'], status: 'pending' }], 'founder@shop.test').status).toBe('fail')
  })
  it('warn when the engagement has no founder email', () => {
    expect(judgeAccess(members, '')).toMatchObject({ status: 'warn', superAdmins: ['consultant@agency.test'] })
  })
})
