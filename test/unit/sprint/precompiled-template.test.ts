import { afterEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { PRECOMPILED } from '../../../electron/core/sprint/precompiled'
import { loadTemplateFile } from '../../../electron/core/sprint/templates'

const file = join(__dirname, '..', '..', '..', 'resources', 'templates', 'launch-ready.yaml')
const text = readFileSync(file, 'utf8')
const sha = createHash('sha256').update(text).digest('hex')

afterEach(() => {
  for (const k of Object.keys(PRECOMPILED)) delete PRECOMPILED[k]
})

describe('templates parsed at build time', () => {
  it('give the same template as parsing the file', () => {
    const parsed = loadTemplateFile(file)
    PRECOMPILED[sha] = parse(text)
    expect(loadTemplateFile(file)).toEqual(parsed)
  })

  it('are used only for the very text they were made from, and only when they pass the schema', () => {
    const parsed = loadTemplateFile(file)
    // An entry for other text (the file was edited after the build) is never looked at.
    PRECOMPILED[createHash('sha256').update(text + ' ').digest('hex')] = { id: 'stale' }
    expect(loadTemplateFile(file)).toEqual(parsed)
    // An entry that fails validation falls back to the file.
    PRECOMPILED[sha] = { id: 'broken' }
    expect(loadTemplateFile(file)).toEqual(parsed)
    // And the entry is what is used when it matches: a valid variant shows through.
    PRECOMPILED[sha] = { ...parse(text), title: 'From the build' }
    expect(loadTemplateFile(file).title).toBe('From the build')
  })
})
