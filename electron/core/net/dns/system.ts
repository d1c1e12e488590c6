import { readFileSync } from 'node:fs'

/** The system's recursive resolvers from /etc/resolv.conf ("nameserver" lines); empty when unreadable. */
export function systemResolvers(file = '/etc/resolv.conf'): string[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => /^\s*nameserver\s+(\S+)/.exec(l)?.[1])
      .filter((s): s is string => !!s)
      .map((ip) => ip.replace(/%.*$/, ''))
  } catch {
    return []
  }
}
