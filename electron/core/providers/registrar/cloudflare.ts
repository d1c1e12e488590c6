import type { CloudflareClient } from '../cloudflare/client'
import { hostList, isoDate, type RegistrarClient, type RegistrarDomain } from './types'

const OWNER_ROLE = /super administrator/i

/**
 * Cloudflare Registrar through the Cloudflare API token: each account the token reaches is asked
 * for the domain's registration; the account's Super Administrators are who holds it.
 */
export class CloudflareRegistrar implements RegistrarClient {
  readonly registrar = 'cloudflare' as const
  constructor(private readonly cf: CloudflareClient) {}

  async whoami(): Promise<{ identity: string; scopes: string[] }> {
    const t = await this.cf.verifyToken()
    return { identity: `Cloudflare API token ${t.id}`, scopes: [] }
  }

  async domain(raw: string): Promise<RegistrarDomain | null> {
    const name = raw.toLowerCase()
    for (const m of await this.cf.memberships()) {
      if (!m.accountId) continue
      const reg = await this.cf.registration(m.accountId, name)
      if (!reg) continue
      const members = await this.cf.members(m.accountId).catch(() => [])
      const owners = members.filter((x) => x.status !== 'pending' && x.roles.some((r) => OWNER_ROLE.test(r)))
      const zone = await this.cf.findZone(name).catch(() => null)
      const twoFactor = m.enforceTwoFactor === true ? true : owners.length && owners.every((o) => typeof o.twoFactor === 'boolean') ? owners.every((o) => o.twoFactor) : null
      return {
        registrar: 'cloudflare',
        domain: name,
        account: { name: m.accountName || m.accountId, id: m.accountId, emails: owners.map((o) => o.email).filter(Boolean), twoFactor },
        autoRenew: typeof reg.auto_renew === 'boolean' ? reg.auto_renew : null,
        locked: typeof reg.locked === 'boolean' ? reg.locked : null,
        expiresAt: isoDate(reg.expires_at),
        // A Cloudflare Registrar domain always uses the account's zone's nameservers.
        nameservers: zone ? hostList(zone.nameServers) : null,
        privacy: reg.privacy_mode === 'redaction' ? true : reg.privacy_mode === 'off' ? false : null,
        dnssec: null,
        contacts: [],
        raw: { registration: reg, superAdministrators: owners.map((o) => ({ email: o.email, roles: o.roles, twoFactor: o.twoFactor })), enforceTwoFactor: m.enforceTwoFactor ?? null },
      }
    }
    return null
  }
}
