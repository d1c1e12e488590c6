import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProviderError } from '../../../electron/core/providers/errors'
import { normalizeStatus, parseRdapDomain, parseRdapDomainText } from '../../../electron/core/providers/rdap/parse'
import { describeConformance } from '../../helpers/conformance'

describeConformance('rdap/validators', 'conformance: rdap/validators', (file) => {
  const ROOT = file

  function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((f) => {
      const p = join(dir, f)
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.json') ? [p] : []
    })
  }

  const files = walk(ROOT)

  /** A conformance response the domain parser must accept: a domain object in valid JSON. */
  function isDomainResponse(text: string): boolean {
    try {
      const j = JSON.parse(text)
      return j?.objectClassName === 'domain'
    } catch {
      return false
    }
  }

  describe('RDAP domain parser over ../shared/conformance/rdap', () => {
    it('finds the conformance files', () => {
      expect(files.length).toBeGreaterThanOrEqual(19)
    })

    for (const file of files) {
      const name = relative(ROOT, file)
      const text = readFileSync(file, 'utf8')
      if (isDomainResponse(text)) {
        it(`parses ${name}`, () => {
          const d = parseRdapDomainText(text)
          expect(d.ldhName).toMatch(/^[a-z0-9.-]+$/)
          expect(Array.isArray(d.nameservers)).toBe(true)
        })
      } else {
        it(`rejects ${name} with a clear error`, () => {
          let err: unknown
          try {
            parseRdapDomainText(text)
          } catch (e) {
            err = e
          }
          expect(err).toBeInstanceOf(ProviderError)
          expect((err as ProviderError).kind).toBe('invalid_response')
          expect((err as Error).message).toMatch(/^RDAP answer is invalid: (not JSON|not a JSON object|expected a domain object|the server returned error)/)
        })
      }
    }

    it('reads registrar, dates, lock, nameservers and DNSSEC from domain/valid.json', () => {
      const d = parseRdapDomainText(readFileSync(join(ROOT, 'domain/valid.json'), 'utf8'))
      expect(d.ldhName).toBe('example.com')
      expect(d.registrar).toEqual({ name: 'Example Inc.', ianaId: '292' })
      expect(d.expiresAt).toBe('2028-09-14T04:00:00.000Z')
      expect(d.registeredAt).toBe('1997-09-15T04:00:00.000Z')
      expect(d.transferLocked).toBe(true)
      expect(d.nameservers.length).toBeGreaterThan(0)
      expect(d.secureDns?.delegationSigned).toBe(false)
    })

    it('normalises EPP-style statuses (private_ipv4_nameserver_bug.json)', () => {
      const d = parseRdapDomainText(readFileSync(join(ROOT, 'domain/private_ipv4_nameserver_bug.json'), 'utf8'))
      expect(d.status).toContain('client transfer prohibited')
      expect(d.transferLocked).toBe(true)
      expect(d.nameservers).toEqual(['ns1.mydnsplanet.com', 'ns2.mydnsplanet.com'])
      expect(normalizeStatus('serverTransferProhibited')).toBe('server transfer prohibited')
    })

    it('rejects malformed domain objects field by field', () => {
      expect(() => parseRdapDomain({ objectClassName: 'domain' })).toThrow(/no ldhName/)
      expect(() => parseRdapDomain({ objectClassName: 'domain', ldhName: 'a.com', events: {} })).toThrow(/"events" is not a list/)
      expect(() => parseRdapDomain({ objectClassName: 'domain', ldhName: 'a.com', events: [{ eventAction: 'expiration', eventDate: 'soon' }] })).toThrow(/no valid eventDate/)
      expect(() => parseRdapDomain({ objectClassName: 'domain', ldhName: 'a.com', status: [1] })).toThrow(/status/)
      expect(() => parseRdapDomain({ objectClassName: 'domain', ldhName: 'a.com', nameservers: [{}] })).toThrow(/nameserver has no ldhName/)
      expect(() => parseRdapDomain({ errorCode: 404, title: 'Not Found' })).toThrow(/error 404 \(Not Found\)/)
      expect(() => parseRdapDomain([])).toThrow(/not a JSON object/)
    })

    it('reports an unlocked domain', () => {
      const d = parseRdapDomain({ objectClassName: 'domain', ldhName: 'A.COM.', status: ['active'] })
      expect(d.ldhName).toBe('a.com')
      expect(d.transferLocked).toBe(false)
    })
  })
})
