import { describe, expect, it } from 'vitest'
import * as tldts from 'tldts'
import * as lazy from '../../../electron/core/tldts-lazy'

// The main build's `tldts` (electron.vite.config.ts aliases it to the lazy module): the same answers.
describe('tldts loaded on first call', () => {
  it('answers as the package does, private suffixes included', () => {
    const names = ['www.acme.co.uk', 'acme.vercel.app', 's3.amazonaws.com', 'example.internal', 'xn--bcher-kva.example', 'a.b.test', 'com']
    for (const name of names) {
      for (const allowPrivateDomains of [false, true]) {
        expect(lazy.parse(name, { allowPrivateDomains })).toEqual(tldts.parse(name, { allowPrivateDomains }))
        expect(lazy.getDomain(name, { allowPrivateDomains })).toBe(tldts.getDomain(name, { allowPrivateDomains }))
        expect(lazy.getPublicSuffix(name, { allowPrivateDomains })).toBe(tldts.getPublicSuffix(name, { allowPrivateDomains }))
      }
    }
    expect(lazy.getDomain('shop.acme.vercel.app', { allowPrivateDomains: true })).toBe('acme.vercel.app')
  })
})
