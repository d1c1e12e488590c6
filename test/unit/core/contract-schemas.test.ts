import { describe, expect, it } from 'vitest'
import { contract, type MethodName } from '../../../shared/contract'
import { AREA_OF, inputSchema, loadArea, type ContractArea } from '../../../electron/core/contract-schemas'
import { dispatch } from '../../../electron/core/dispatch'

describe('contract schemas loaded per area', () => {
  it('names every contract method once, in the area file that declares it, with the same schema', async () => {
    expect(Object.keys(AREA_OF).sort()).toEqual(Object.keys(contract).sort())
    const areas = [...new Set(Object.values(AREA_OF))] as ContractArea[]
    const declared: string[] = []
    for (const area of areas) {
      const methods = await loadArea(area)
      declared.push(...Object.keys(methods))
      // an area's file declares exactly the methods mapped to it
      expect(Object.keys(methods).sort()).toEqual((Object.keys(AREA_OF) as MethodName[]).filter((m) => AREA_OF[m] === area).sort())
    }
    expect(declared.sort()).toEqual(Object.keys(contract).sort())
    for (const m of Object.keys(contract) as MethodName[]) expect(await inputSchema(m)).toBe(contract[m].input)
  })

  it('dispatch still refuses unknown methods and bad input before calling core', async () => {
    const calls: string[] = []
    const api = new Proxy({}, { get: (_t, name) => () => calls.push(String(name)) })
    expect(await dispatch({ api } as never, 'toString', {})).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'unknown method "toString"' } })
    const bad = await dispatch({ api } as never, 'getEngagement', { id: 42 })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(calls).toEqual([])
    expect(await dispatch({ api } as never, 'listEngagements', undefined)).toEqual({ ok: true, value: 1 })
    expect(calls).toEqual(['listEngagements'])
  })
})
