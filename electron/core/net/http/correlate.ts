import diagnostics from 'node:diagnostics_channel'
import type net from 'node:net'

/** Which socket carried a tagged request (undici does not hand it to the caller). */
export interface RequestTag {
  socket?: net.Socket
}

let current: RequestTag | undefined
const byRequest = new WeakMap<object, RequestTag>()
const served = new WeakSet<net.Socket>()

// undici creates its Request synchronously inside dispatch(), so a tag set just before the call
// is the one of that request; sendHeaders later names the socket it went out on.
diagnostics.subscribe('undici:request:create', (m) => {
  if (current) byRequest.set((m as { request: object }).request, current)
})
diagnostics.subscribe('undici:client:sendHeaders', (m) => {
  const { request, socket } = m as { request: object; socket: net.Socket }
  const tag = byRequest.get(request)
  if (tag) tag.socket = socket
})

/** Run `dispatch` (synchronous start of an undici request) with `tag` attached to it. */
export function tagged<T>(tag: RequestTag, dispatch: () => T): T {
  current = tag
  try {
    return dispatch()
  } finally {
    current = undefined
  }
}

/** True the first time a socket is seen: later requests on it reused the connection. */
export function firstUse(socket: net.Socket): boolean {
  if (served.has(socket)) return false
  served.add(socket)
  return true
}
