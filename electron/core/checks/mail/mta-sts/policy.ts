/** An MTA-STS policy file (RFC 8461 §3.2). */
export interface StsPolicy {
  version: string
  mode: 'enforce' | 'testing' | 'none'
  mx: string[]
  maxAge: number
}

/** Parse the policy body: "key: value" lines (CRLF or LF); returns the policy or why it is invalid. */
export function parseStsPolicy(body: string): { ok: true; policy: StsPolicy } | { ok: false; error: string } {
  const kv = new Map<string, string[]>()
  for (const line of body.split(/\r?\n/)) {
    if (!line.trim()) continue
    const m = /^([A-Za-z0-9_]+):[ \t]*(.*?)[ \t]*$/.exec(line)
    if (!m) return { ok: false, error: `"${line.slice(0, 60)}" is not a "key: value" line` }
    kv.set(m[1], [...(kv.get(m[1]) ?? []), m[2]])
  }
  const one = (k: string) => kv.get(k)?.[0]
  if (one('version') !== 'STSv1') return { ok: false, error: 'version must be STSv1' }
  const mode = one('mode')
  if (mode !== 'enforce' && mode !== 'testing' && mode !== 'none') return { ok: false, error: `mode "${mode ?? ''}" must be enforce, testing or none` }
  const maxAge = Number(one('max_age'))
  if (!/^\d{1,10}$/.test(one('max_age') ?? '') || maxAge > 31_557_600) return { ok: false, error: 'max_age must be a number of seconds up to one year' }
  const mx = kv.get('mx') ?? []
  if (mode !== 'none' && !mx.length) return { ok: false, error: 'no mx: lines' }
  return { ok: true, policy: { version: 'STSv1', mode, mx: mx.map((x) => x.toLowerCase()), maxAge } }
}

/** Whether an MX host matches a policy pattern ("mail.example.com" or "*.example.com", one label). */
export function mxMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '')
  const h = host.toLowerCase().replace(/\.$/, '')
  if (p.startsWith('*.')) {
    const rest = p.slice(2)
    return h.endsWith('.' + rest) && !h.slice(0, -(rest.length + 1)).includes('.')
  }
  return p === h
}
