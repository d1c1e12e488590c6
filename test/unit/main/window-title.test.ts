import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { windowOptions } from '../../../electron/main/security'

const MAIN = resolve(__dirname, '../../../electron/main')

describe("the app window's title", () => {
  it('starts as the app name and is left to follow document.title (main never sets or pins it)', () => {
    expect(windowOptions('/p.js').title).toBe('Handover Console')
    // Electron's BrowserWindow takes the page's title unless main calls setTitle or cancels page-title-updated
    const sources = readdirSync(MAIN, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))
    expect(sources.length).toBeGreaterThan(3)
    for (const f of sources) {
      const text = readFileSync(join(MAIN, f), 'utf8')
      expect(text, f).not.toMatch(/\.setTitle\(/)
      expect(text, f).not.toMatch(/page-title-updated/)
    }
  })
})
