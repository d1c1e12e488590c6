import dgram from 'node:dgram'
import dns from 'node:dns'
import net from 'node:net'

/** Every destination a socket of this process tried to reach while the tripwire was set. */
export interface Tripwire {
  /** "address:port" of every connection and datagram, loopback or not. */
  seen: string[]
  /** The ones that were not loopback: stopped before leaving the machine. */
  stopped: string[]
  restore(): void
}

const loopback = (a: string) => /^127\./.test(a) || a === '::1' || /^::ffff:127\./i.test(a)

/**
 * A safety net for tests of the egress policy: while set, a TCP connection or UDP datagram to
 * anything but 127.0.0.0/8 or ::1 fails with ETRIPWIRE instead of leaving the machine, and is
 * recorded. It wraps Node's own net/dgram entry points (never the project's code), so a broken
 * policy makes the test fail instead of sending traffic to a real link-local or private address.
 */
export function setTripwire(): Tripwire {
  const seen: string[] = []
  const stopped: string[] = []
  const stop = (dest: string) => Object.assign(new Error(`tripwire: ${dest} is not loopback`), { code: 'ETRIPWIRE' })
  const origConnect = net.Socket.prototype.connect
  const origSend = dgram.Socket.prototype.send
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const first = args[0]
    const opts = (Array.isArray(first) ? first[0] : typeof first === 'object' ? first : { port: first, host: args[1] }) as net.TcpNetConnectOpts & { path?: string }
    if (opts && !opts.path) {
      const host = String(opts.host ?? 'localhost').replace(/^\[|\]$/g, '')
      if (net.isIP(host)) {
        seen.push(`${host}:${opts.port}`)
        if (!loopback(host)) {
          stopped.push(`${host}:${opts.port}`)
          process.nextTick(() => this.destroy(stop(host)))
          return this
        }
      } else {
        const inner = (opts.lookup ?? dns.lookup) as (...a: unknown[]) => void
        opts.lookup = ((name: string, o: object, cb: (...a: unknown[]) => void) =>
          inner(name, o, (err: Error | null, address: string | { address: string }[], family?: number) => {
            const list = Array.isArray(address) ? address.map((x) => x.address) : address ? [address] : []
            for (const a of list) seen.push(`${a}:${opts.port}`)
            const bad = list.find((a) => !loopback(a))
            if (!err && bad) {
              stopped.push(`${bad}:${opts.port}`)
              return cb(stop(bad))
            }
            cb(err, address, family)
          })) as net.LookupFunction
      }
    }
    return origConnect.apply(this, args as Parameters<typeof origConnect>)
  } as typeof origConnect
  dgram.Socket.prototype.send = function (this: dgram.Socket, ...args: unknown[]) {
    const address = args.find((a, i) => i > 0 && typeof a === 'string' && net.isIP(a)) as string | undefined
    const port = args.find((a, i) => i > 0 && typeof a === 'number' && a > 0 && a < 65536)
    if (address) {
      seen.push(`${address}:${port}`)
      if (!loopback(address)) {
        stopped.push(`${address}:${port}`)
        return
      }
    }
    return origSend.apply(this, args as Parameters<typeof origSend>)
  } as typeof origSend
  return {
    seen,
    stopped,
    restore() {
      net.Socket.prototype.connect = origConnect
      dgram.Socket.prototype.send = origSend
    },
  }
}
