import type { InventoryFields, SystemKind } from '@shared/contract/handover'
import { InventoryRepo } from '../core/handover/inventory/repo'
import { prefillInventory } from '../core/handover/inventory/prefill'
import type { Workspace } from '../core/workspace'

const FOUNDER = 'founder@acme-launch.example'
const VAULT = 'Founder\u2019s 1Password, vault "Acme Ops"'

/**
 * What the demo's consultant records after walking each system with the founder: owners, 2FA,
 * recovery and where each credential lives, on top of what the checks prefilled. Keyed by
 * system (and name for extra rows); a person's values win over prefilled ones.
 */
const WALKTHROUGH: (Partial<InventoryFields> & { system: SystemKind })[] = [
  // reg.account names the holder (the agency's Namecheap account) and its login page: the walkthrough keeps them
  { system: 'registrar', recovery: 'The agency holds the account: move the domain into the founder\u2019s own Namecheap account (open risk), then keep its backup codes in the founder\u2019s 1Password', credentialLocation: 'Read-only API key in the consultant\u2019s OS keychain (Handover Console), removed at the end of the engagement' },
  { system: 'dns', ownerAccount: FOUNDER, loginUrl: 'https://dnshost.example/login', twoFactor: 'on', recovery: 'Account email reset to founder@; backup codes in 1Password', credentialLocation: VAULT },
  { system: 'cdn', twoFactor: 'on', recovery: 'Founder is an Administrator; ownership moves to the founder (open risk)', credentialLocation: 'Audit token in the consultant\u2019s OS keychain (Handover Console), revoked at the end of the engagement' },
  { system: 'hosting', twoFactor: 'on', recovery: 'GitHub sign-in; backup codes in 1Password', credentialLocation: VAULT, rotatedBy: 'Ada Founder' },
  { system: 'database', name: 'Postgres (db.internal)', ownerAccount: FOUNDER, twoFactor: 'on', recovery: 'Provider support with the account email; nightly backups kept 7 days', rotatedBy: 'Ada Founder' },
  { system: 'mailboxes', ownerAccount: FOUNDER, admins: ['founder@acme-launch.example (admin)'], twoFactor: 'on', recovery: 'Server console access held by the founder', credentialLocation: VAULT },
  { system: 'monitoring', twoFactor: 'on', recovery: 'Account email reset to founder@', credentialLocation: VAULT },
  { system: 'source-repo', ownerAccount: FOUNDER, admins: ['consultant@handover.example (write, until handover)'], twoFactor: 'on', recovery: 'Recovery codes in 1Password', credentialLocation: 'Deploy key in Vercel; personal tokens in each developer\u2019s keychain' },
  { system: 'secrets-manager', name: '1Password', ownerAccount: FOUNDER, loginUrl: 'https://my.1password.com/', twoFactor: 'on', recovery: 'Emergency Kit printed and kept in the office safe' },
  { system: 'payments', ownerAccount: FOUNDER, twoFactor: 'on', recovery: 'Stripe support with the business verification documents', rotatedBy: 'Ada Founder' },
  { system: 'analytics', ownerAccount: FOUNDER, twoFactor: 'on', credentialLocation: VAULT },
  { system: 'error-tracking', ownerAccount: FOUNDER, twoFactor: 'on', credentialLocation: 'DSN in the Vercel environment (public by design)' },
  { system: 'custom', name: 'AWS', purpose: 'S3 bucket for user avatars.', ownerAccount: FOUNDER, loginUrl: 'https://console.aws.amazon.com/', twoFactor: 'on', recovery: 'Root account MFA device held by the founder', credentialLocation: 'AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the Vercel production environment' },
]

/** Prefill the demo's inventory from the checks, then apply the consultant's walkthrough. */
export function fillDemoInventory(ws: Workspace, engagementId: string): void {
  const repo = new InventoryRepo(ws.db)
  prefillInventory(ws.db, repo, engagementId)
  for (const patch of WALKTHROUGH) {
    const row = repo.list(engagementId).find((r) => r.system === patch.system && (!patch.name || r.name === patch.name || !r.name))
    const { id: _id, engagementId: _e, source: _s, updatedAt: _u, ...fields } = row ?? { id: undefined, engagementId: '', source: '', updatedAt: '', ...emptyRow(patch.system) }
    repo.save(engagementId, { ...fields, ...patch }, { id: row?.id })
  }
}

function emptyRow(system: SystemKind): InventoryFields {
  return { system, name: '', purpose: '', loginUrl: '', ownerAccount: '', admins: [], twoFactor: 'unknown', recovery: '', credentialLocation: '', rotatedBy: '', nextRotation: '', notes: '' }
}
