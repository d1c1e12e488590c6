import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { makeOut } from '../../../electron/cli/context'
import { jsonSafe, terminalSafe } from '../../../electron/cli/terminal'

const ESC = '\u001b'
const HOSTILE = `rua=mailto:${ESC}[5mx@evil.test${ESC}[0m \u009b31m \r\u0007 ${ESC}]0;pwned\u0007 \u202eabc \u200b\u2066 tab\tand\nnewline`

describe('the terminal sanitiser', () => {
  it('shows escape sequences, controls and bidi overrides as visible escapes', () => {
    expect(terminalSafe(HOSTILE)).toBe('rua=mailto:\\x1b[5mx@evil.test\\x1b[0m \\x9b31m \\x0d\\x07 \\x1b]0;pwned\\x07 \\u202eabc \\u200b\\u2066 tab\tand\nnewline')
    expect(terminalSafe('plain text, ünïcödé and emoji 🚀')).toBe('plain text, ünïcödé and emoji 🚀')
  })

  it('keeps JSON valid and the value the same, with nothing a terminal would obey', () => {
    const doc = JSON.stringify({ s: HOSTILE })
    const safe = jsonSafe(doc)
    expect(JSON.parse(safe)).toEqual({ s: HOSTILE })
    // eslint-disable-next-line no-control-regex -- control characters are what the test looks for
    expect(safe).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b]/)
  })

  it('is applied to everything the CLI prints: lines, notes and --json', () => {
    let stdout = ''
    let stderr = ''
    const out = makeOut(new PassThrough().on('data', (d) => (stdout += d)), new PassThrough().on('data', (d) => (stderr += d)))
    out.line(`DMARC: ${HOSTILE}`)
    out.info(`note ${ESC}[2J`)
    out.json({ summary: HOSTILE })
    // eslint-disable-next-line no-control-regex -- control characters are what the test looks for
    expect(stdout + stderr).not.toMatch(/[\u001b\u009b\u0007\r\u202e]/)
    expect(stdout).toContain('\\x1b[5m')
    expect(stderr).toBe('note \\x1b[2J\n')
  })
})
