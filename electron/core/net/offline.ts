import { networkInterfaces } from 'node:os'

/**
 * Whether this machine has no way out: no network interface with a non-loopback address.
 * Cheap and immediate, so an offline audit ends at once with "offline" instead of waiting for
 * a timeout per check. (A lab profile is all-loopback and never offline.)
 */
export function looksOffline(ifaces: ReturnType<typeof networkInterfaces> = networkInterfaces()): boolean {
  for (const list of Object.values(ifaces)) {
    for (const a of list ?? []) if (!a.internal && !a.address.startsWith('fe80:') && !a.address.startsWith('169.254.')) return false
  }
  return true
}
