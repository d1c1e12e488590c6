import { describe, expect, it } from 'vitest'
import { openWorkspace } from '../../../electron/core/workspace'
import { engagementTables } from '../../../electron/core/workspace/transfer'
import { ROW_SCHEMAS } from '../../../electron/core/workspace/transfer-rows'

describe('engagement import schemas', () => {
  it('cover every table and column an export carries, so no imported cell skips validation', () => {
    const ws = openWorkspace(':memory:')
    try {
      for (const t of engagementTables(ws.db)) {
        const schema = ROW_SCHEMAS[t.name] as unknown as { shape?: Record<string, unknown> }
        expect(schema, `${t.name} has no row schema in electron/core/workspace/transfer-rows.ts`).toBeDefined()
        expect(Object.keys(schema.shape ?? {}).sort(), `columns of ${t.name}`).toEqual([...t.columns].sort())
      }
    } finally {
      ws.close()
    }
  })
})
