import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PRECOMPILED } from '../../../electron/core/sprint/precompiled'
import { precompileTemplates } from '../../../electron/core/sprint/precompile'
import { loadTemplateFile } from '../../../electron/core/sprint/templates'
import { tempDir } from '../../helpers/tmp'

const dir = join(__dirname, '..', '..', '..', 'resources', 'templates')
const file = join(dir, 'launch-ready.yaml')
const text = readFileSync(file, 'utf8')
const tmp = tempDir('handover-precompile-')
afterAll(() => tmp.cleanup())

afterEach(() => PRECOMPILED.clear())

describe('templates parsed and validated at build time', () => {
  it('give the same template as parsing and validating the file', () => {
    const built = precompileTemplates(dir)
    expect([...built.keys()]).toEqual([text])
    const parsed = loadTemplateFile(file)
    expect(built.get(text)).toEqual(parsed)
    // survives the build's JSON, and the bundle's copy is what a matching file gives
    for (const [k, v] of JSON.parse(JSON.stringify([...built])) as [string, never][]) PRECOMPILED.set(k, v)
    const fromBuild = loadTemplateFile(file)
    expect(fromBuild).toEqual(parsed)
    // a fresh copy each time, as a parse would give: a caller's change never reaches the next
    fromBuild.items.pop()
    expect(loadTemplateFile(file)).toEqual(parsed)
  })

  it('are used only for the very text they were made from', () => {
    const parsed = loadTemplateFile(file)
    // An entry for other text (the file was edited after the build) is never looked at.
    PRECOMPILED.set(`${text} `, { ...parsed, title: 'Stale' })
    PRECOMPILED.set(text.trimEnd(), { ...parsed, title: 'Stale' })
    expect(loadTemplateFile(file)).toEqual(parsed)
    // And the entry is what is used when it matches.
    PRECOMPILED.set(text, { ...parsed, title: 'From the build' })
    expect(loadTemplateFile(file).title).toBe('From the build')
  })

  it('leave out a file that does not parse or fails the schema (the run-time parse reports it, with its line)', () => {
    writeFileSync(join(tmp.dir, 'good.yaml'), text)
    writeFileSync(join(tmp.dir, 'broken.yaml'), 'id: [unclosed\n')
    writeFileSync(join(tmp.dir, 'invalid.yaml'), text.replace(/^version: .*$/m, 'version: -1'))
    const built = precompileTemplates(tmp.dir)
    expect([...built.keys()]).toEqual([text])
    expect(() => loadTemplateFile(join(tmp.dir, 'invalid.yaml'))).toThrow(/invalid\.yaml:\d+:\d+: version/)
  })
})
