import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..', '..', '..')
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { asar?: boolean; electronFuses?: Record<string, boolean> }

describe('the packaged Electron binary is sealed by its fuses', () => {
  it('turns off running as Node, NODE_OPTIONS and --inspect, and turns on ASAR integrity, ASAR-only loading and cookie encryption', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    })
    // onlyLoadAppFromAsar and the integrity check need the app packed as an ASAR archive
    expect(config.asar).toBe(true)
  })

  it('uses only fuse names electron-builder knows (checked here, not first at packaging time)', () => {
    const scheme = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, { type: string }> } }
    }
    const known = scheme.definitions.FuseOptionsV1.properties
    for (const name of Object.keys(config.electronFuses ?? {})) expect(known[name]?.type, name).toBe('boolean')
  })
})
