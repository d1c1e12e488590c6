import { afterEach, describe, expect, it } from 'vitest'
import { createCore } from '../../../electron/core/api'
import { createLazyCore, SLICES } from '../../../electron/core/api/lazy'
import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { contract } from '../../../shared/contract'

let ws: Workspace | undefined
afterEach(() => ws?.close())

describe('the lazy engine the CLI uses', () => {
  it('names every contract method once, and each slice implements exactly the methods listed for it', async () => {
    ws = openWorkspace(':memory:')
    const eager = createCore(ws, 'browser')
    const listed = SLICES.flatMap((s) => s.methods)
    expect(new Set(listed).size).toBe(listed.length)
    expect([...listed].sort()).toEqual(Object.keys(contract).sort())
    expect([...listed].sort()).toEqual(Object.keys(eager.api).sort())
    for (const slice of SLICES) {
      const made = (await slice.load())(eager)
      expect(Object.keys(made).sort()).toEqual([...slice.methods].sort())
    }
  })

  it('answers as the eager engine does', async () => {
    ws = openWorkspace(':memory:')
    const lazy = createLazyCore(ws, 'browser')
    const created = await lazy.api.createEngagement({ domain: 'lazy.example', hosts: ['www'] } as never)
    expect((await lazy.api.listEngagements({} as never)).map((e) => e.id)).toEqual([created.id])
    expect((createCore(ws, 'browser').api.listEngagements({} as never) as { id: string }[]).map((e) => e.id)).toEqual([created.id])
  })
})
