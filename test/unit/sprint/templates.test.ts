import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { listTemplates, loadTemplate, loadTemplateFile, resolveTemplate } from '../../../electron/core/sprint/templates'
import { resourcePath } from '../../../electron/core/paths'
import { STAGES, VERTICALS } from '@shared/schemas/engagement'
import { tempDir } from '../../helpers/tmp'

const t = loadTemplate()
const tmp = tempDir()
afterAll(() => tmp.cleanup())

const CATALOG = [
  'dns.delegation', 'dns.hosts', 'dns.dangling', 'dns.caa', 'dns.dnssec', 'mail.mx', 'mail.spf', 'mail.dkim', 'mail.dmarc', 'mail.mta-sts',
  'tls.cert', 'tls.protocols', 'http.https', 'http.canonical', 'http.hsts', 'http.mixed-content', 'http.headers', 'http.exposure',
  'http.routes', 'http.cache', 'http.preview', 'cf.token', 'cf.zone', 'cf.proxy', 'cf.tls', 'cf.security', 'cf.cache', 'cf.access',
  'reg.domain', 'host.deploy', 'host.env', 'host.domains', 'secrets.repo', 'secrets.bundle', 'mon.uptime', 'mon.health',
  'reg.account', 'abuse.rate-limit', 'ai.injection', 'obs.error-tracking', 'http.smoke',
]

describe('the bundled launch-ready template', () => {
  it('validates and covers seven stages on four blocks', () => {
    expect(listTemplates()).toContain('launch-ready')
    expect(t.blocks.map((b) => b.id)).toEqual(['day1-am', 'day1-pm', 'day2-am', 'day2-pm'])
    expect(t.blocks.reduce((s, b) => s + b.hours, 0)).toBe(48)
    expect(t.stages.map((s) => s.id)).toEqual(['quick-audit', 'dns-routing', 'deployment', 'security', 'caching', 'monitoring', 'handover'])
    for (const s of t.stages) expect(t.items.some((i) => i.stage === s.id)).toBe(true)
  })

  it('verifies every catalog check through some item, and names only catalog checks', () => {
    const used = new Set(t.items.flatMap((i) => i.checks ?? []))
    expect([...used].filter((c) => !CATALOG.includes(c))).toEqual([])
    expect(CATALOG.filter((c) => !used.has(c))).toEqual([])
  })

  it('has manual items that say what evidence to attach', () => {
    const manual = t.items.filter((i) => i.verify === 'manual')
    expect(manual.length).toBeGreaterThanOrEqual(3)
    for (const m of manual) expect(m.evidence).toBeTruthy()
  })

  it('has a variant for every product stage and vertical', () => {
    expect(Object.keys(t.variants.stage).sort()).toEqual([...STAGES].sort())
    expect(Object.keys(t.variants.vertical).sort()).toEqual([...VERTICALS].sort())
  })
})

describe('variants adjust emphasis and thresholds without forking', () => {
  it('an early prototype relaxes the latency target and plays down DNSSEC', () => {
    const r = resolveTemplate(t, { stage: 'idea-prototype', vertical: 'other' })
    expect(r.thresholds.p95PassMs).toBe(500)
    expect(r.items.find((i) => i.id === 'dnssec')!.severity).toBe('scale-risk')
    expect(r.items.find((i) => i.id === 'hsts-headers')!.emphasis).toBe(-1)
  })

  it('growth-stage B2B raises headers and tightens latency', () => {
    const r = resolveTemplate(t, { stage: 'first-customers-growth', vertical: 'b2b-service' })
    expect(r.thresholds.p95PassMs).toBe(250)
    const h = r.items.find((i) => i.id === 'hsts-headers')!
    expect(h.emphasis).toBe(2)
    expect(h.severity).toBe('launch-blocker')
    expect(r.notes.join(' ')).toMatch(/questionnaires/)
  })

  it('keeps the same items for every combination', () => {
    for (const s of STAGES) for (const v of VERTICALS) expect(resolveTemplate(t, { stage: s, vertical: v }).items).toHaveLength(t.items.length)
  })
})

describe('a broken template gets one clear line with its location', () => {
  it('names the file, line, field and expectation', () => {
    const src = readFileSync(resourcePath('templates', 'launch-ready.yaml'), 'utf8').replace('severity: launch-blocker', 'severity: launch-stopper')
    const file = join(tmp.dir, 'broken.yaml')
    writeFileSync(file, src)
    expect(() => loadTemplateFile(file)).toThrow(/^broken\.yaml:\d+:\d+: items\.0\.severity: .*launch-blocker/)
  })

  it('reports YAML syntax errors with a position', () => {
    const file = join(tmp.dir, 'syntax.yaml')
    writeFileSync(file, 'id: x\nblocks: [\n')
    expect(() => loadTemplateFile(file)).toThrow(/^syntax\.yaml:\d+:\d+: /)
  })

  it('refuses an unknown stage reference', () => {
    const src = readFileSync(resourcePath('templates', 'launch-ready.yaml'), 'utf8').replace('stage: caching\n', 'stage: cashing\n')
    const file = join(tmp.dir, 'stage.yaml')
    writeFileSync(file, src)
    expect(() => loadTemplateFile(file)).toThrow(/unknown stage "cashing"/)
  })
})
