import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { applyFixTo, BUNDLED_SCENARIOS, loadScenario, parseScenario, scenarioPath } from '../../../electron/lab/scenario/load'
import { mergeFix } from '../../../electron/lab/scenario/merge'

const MINI = `name: mini
domains: [mini.example]
dns:
  zones:
    mini.example:
      nameservers:
        - { name: ns1.mini.example, ip: 127.0.53.40 }
      records:
        - { name: '@', type: A, data: 127.0.80.40 }
web:
  hosts:
    www:
      redirect:
        status: 301
        to: 'https://mini.example{path}'
`

/** The one-line message of a scenario that does not load. */
function errorOf(text: string): string {
  try {
    parseScenario(text, 'scenario.yaml')
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    return (e as AppError).message
  }
  throw new Error('expected the scenario to be rejected')
}

describe('scenario files', () => {
  it('loads every bundled scenario', () => {
    for (const name of BUNDLED_SCENARIOS) {
      const s = loadScenario(name)
      expect(s.name).toBe(name)
      expect(s.domains.length).toBeGreaterThan(0)
      expect(scenarioPath(name)).toMatch(new RegExp(`resources/scenarios/${name}\\.yaml$`))
    }
  })

  it('a typo gives one line with file, line, column, field and what was expected', () => {
    const msg = errorOf(MINI.replace('status: 301', 'status: "30"'))
    expect(msg).toBe('scenario.yaml:14:17: web.hosts.www.redirect.status: expected one of 301|302|307|308, got "30"')
    expect(msg.split('\n')).toHaveLength(1)
  })

  it('names unknown keys, bad record data and non-loopback nameservers', () => {
    expect(errorOf(MINI.replace('redirect:', 'redirekt:'))).toMatch(/^scenario\.yaml:13:7: web\.hosts\.www: .*"redirekt"/)
    expect(errorOf(MINI.replace("data: 127.0.80.40", "data: not-an-ip"))).toMatch(/^scenario\.yaml:9:\d+: dns\.zones\.mini\.example\.records\.0\.data: expected an IPv4 address/)
    expect(errorOf(MINI.replace('ip: 127.0.53.40', 'ip: 10.0.0.1'))).toMatch(/^scenario\.yaml:7:\d+: .*nameservers\.0\.ip: expected a loopback IPv4 address/)
    expect(errorOf('name: [unclosed')).toMatch(/^scenario\.yaml:1:\d+: /)
  })

  it('checks fixes when loading and applies them by name', () => {
    const bad = MINI + `fixes:\n  oops:\n    web: { hosts: { www: { redirect: { status: 399, to: x } } } }\n`
    expect(errorOf(bad)).toMatch(/fixes\.oops: web\.hosts\.www\.redirect\.status: expected one of/)
    const s = parseScenario(MINI + `fixes:\n  temp:\n    web: { hosts: { www: { redirect: { status: 302 } } } }\n`)
    const fixed = applyFixTo(s, 'temp')
    expect(fixed.web.hosts.www.redirect).toEqual({ status: 302, to: 'https://mini.example{path}' })
    expect(s.web.hosts.www.redirect?.status).toBe(301)
    expect(() => applyFixTo(s, 'nope')).toThrow(/no fix "nope"/)
  })

  it('the bundled demo documents its faults and has fixes', () => {
    const text = readFileSync(scenarioPath('demo'), 'utf8')
    for (const id of ['dns.dangling', 'dns.caa', 'dns.dnssec', 'mail.spf', 'mail.dmarc', 'mail.dkim', 'mail.mta-sts', 'tls.cert', 'tls.protocols', 'http.canonical', 'http.hsts', 'http.mixed-content', 'http.exposure', 'http.routes', 'http.cache', 'http.preview', 'secrets.bundle']) {
      expect(text, id).toContain(`# ${id}`)
    }
    expect(Object.keys(loadScenario('demo').fixes)).toEqual(expect.arrayContaining(['add-hsts', 'fix-dns']))
  })
})

describe('mergeFix', () => {
  it('merges maps, merges records by name+type, replaces other lists', () => {
    const base = { a: { b: 1, c: [1, 2] }, records: [{ name: 'x', type: 'A', data: '1' }, { name: 'x', type: 'TXT', data: 't' }] }
    const out = mergeFix(base, { a: { c: [3] }, records: [{ name: 'X', type: 'a', data: '2' }, { name: 'x', type: 'TXT', delete: true }] })
    expect(out).toEqual({ a: { b: 1, c: [3] }, records: [{ name: 'X', type: 'a', data: '2' }] })
    expect(base.a.c).toEqual([1, 2])
  })
})
