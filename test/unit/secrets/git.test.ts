import { describe, expect, it } from 'vitest'
import { parsePatchLog } from '../../../electron/core/secrets/git'

describe('parsePatchLog', () => {
  it('groups added lines by commit and file with their new line numbers', () => {
    const log = [
      '\0commit aaaa',
      '',
      'diff --git a/src/a.ts b/src/a.ts',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -3,0 +4,2 @@ fn',
      '+const x = 1',
      '++++ a line that starts with plus signs',
      '@@ -10 +12 @@',
      '-old',
      '+new',
      'diff --git a/gone.txt b/gone.txt',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-bye',
      '\0commit bbbb',
      'diff --git a/b.env b/b.env',
      '--- /dev/null',
      '+++ b/b.env',
      '@@ -0,0 +1 @@',
      '+KEY=1',
    ].join('\n')
    const chunks = parsePatchLog(log)
    expect(chunks).toEqual([
      { commit: 'aaaa', path: 'src/a.ts', text: 'const x = 1\n+++ a line that starts with plus signs\nnew', lines: [4, 5, 12] },
      { commit: 'bbbb', path: 'b.env', text: 'KEY=1', lines: [1] },
    ])
  })
})
