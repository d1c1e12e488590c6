type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

interface Rec {
  name?: unknown
  type?: unknown
  delete?: unknown
}
const recKey = (r: Rec) => `${String(r.name).toLowerCase().replace(/\.$/, '')}|${String(r.type).toUpperCase()}`

/** Records of a fix replace the base's records with the same name and type; `delete: true` only removes. */
function mergeRecords(base: unknown[], patch: unknown[]): unknown[] {
  const touched = new Set(patch.map((r) => recKey(r as Rec)))
  const kept = base.filter((r) => !touched.has(recKey(r as Rec)))
  return [...kept, ...patch.filter((r) => !(r as Rec).delete)]
}

/**
 * Deep-merge a fix into a scenario: maps merge key by key, `records` lists merge by
 * name+type, any other list or value replaces. Returns a new object; inputs are not changed.
 */
export function mergeFix(base: unknown, patch: unknown, key = ''): unknown {
  if (key === 'records' && Array.isArray(base) && Array.isArray(patch)) return mergeRecords(base, patch)
  if (!isObj(base) || !isObj(patch)) return structuredClone(patch)
  const out: Obj = { ...base }
  for (const [k, v] of Object.entries(patch)) out[k] = k in base ? mergeFix(base[k], v, k) : structuredClone(v)
  return out
}
