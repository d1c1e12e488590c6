import { describe, expect, it } from 'vitest'
import { backoffMs, SseParser } from '../../../../renderer/src/transport/sse'

describe('event stream parser', () => {
  it('yields complete events across arbitrary chunk boundaries and skips heartbeats', () => {
    const p = new SseParser()
    expect(p.push(': connected\n\nda')).toEqual([])
    expect(p.push('ta: {"a":1}\n')).toEqual([])
    expect(p.push('\n: ping\n\ndata: {"b":2}\n\ndata: x')).toEqual(['{"a":1}', '{"b":2}'])
    expect(p.push('\n\n')).toEqual(['x'])
  })

  it('handles CRLF and multi-line data', () => {
    const p = new SseParser()
    expect(p.push('event: e\r\ndata: one\r\ndata:two\r\n\r\n')).toEqual(['one\ntwo'])
  })

  it('backs off exponentially with a cap', () => {
    expect([0, 1, 2, 3].map(backoffMs)).toEqual([500, 1000, 2000, 4000])
    expect(backoffMs(50)).toBe(10_000)
  })
})
