import { keyOf } from './records'
import type { DnsFault } from './types'

/** A name pattern: `*` stands for any run of characters (`*.x`: every name below x; `error.*`: names starting "error."). */
function nameMatches(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern === name
  const re = new RegExp('^' + pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$')
  return re.test(name)
}

/** Does a fault match a question (name pattern, type, excepted types)? */
export function faultMatches(f: DnsFault, qname: string, qtype: string): boolean {
  if (!nameMatches(keyOf(f.name), keyOf(qname))) return false
  const t = qtype.toUpperCase()
  if (f.type && f.type.toUpperCase() !== t) return false
  return !(f.exceptTypes ?? []).some((x) => x.toUpperCase() === t)
}

/** The faults for one question: the first non-latency fault decides, latencies add up. */
export function faultsFor(faults: DnsFault[], qname: string, qtype: string): { fault?: DnsFault; delayMs: number } {
  let delayMs = 0
  let fault: DnsFault | undefined
  for (const f of faults) {
    if (!faultMatches(f, qname, qtype)) continue
    if (f.kind === 'latency') delayMs += f.ms ?? 0
    else fault ??= f
  }
  return { fault, delayMs }
}

/** Deterministic bytes that are not a DNS message (too short for a header after the id). */
export function garbageFor(id: number): Buffer {
  const b = Buffer.from('\x00\x00\xff\xfe not a dns answer \x00\x01', 'latin1')
  b.writeUInt16BE(id, 0)
  return b
}
