import type { CfMember } from '../../providers/cloudflare/types'
import { apiEvidence } from '../../providers/outcome'
import type { CheckModule, CheckOutcome } from '../types'
import { withZone } from './lib/zone'

const SUPER = /super administrator/i

/** Access-inventory facts and the verdict: the founder must hold Super Administrator. */
export function judgeAccess(members: CfMember[], founderEmail: string): Pick<CheckOutcome, 'status' | 'summary'> & { superAdmins: string[] } {
  const superAdmins = members.filter((m) => m.roles.some((r) => SUPER.test(r)) && m.status !== 'pending').map((m) => m.email)
  const founder = founderEmail.trim().toLowerCase()
  if (!founder) return { status: 'warn', summary: `Super Administrators: ${superAdmins.join(', ') || 'none'}; add the founder's email to the engagement to confirm they own the account`, superAdmins }
  if (superAdmins.includes(founder)) return { status: 'pass', summary: `The founder (${founder}) is a Super Administrator of the Cloudflare account`, superAdmins }
  const member = members.find((m) => m.email === founder)
  const has = member ? `has only ${member.roles.join(', ') || 'no role'}${member.status === 'pending' ? ' (invitation pending)' : ''}` : 'is not a member'
  return { status: 'fail', summary: `The founder (${founder}) ${has}; Super Administrators are ${superAdmins.join(', ') || 'nobody'}`, superAdmins }
}

export const check: CheckModule = {
  meta: {
    id: 'cf.access',
    title: 'Founder owns the Cloudflare account',
    area: 'cf',
    stage: 'handover',
    why: 'If only the consultant is a Super Administrator, the founder can be locked out of their own DNS and security settings when the engagement ends.',
    fix: "In Cloudflare → Manage Account → Members, invite the founder's email with the Super Administrator - All Privileges role, have them accept, then reduce the consultant's role.",
    byHand: { command: 'curl -s -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN" "https://api.cloudflare.com/client/v4/accounts/$ACCOUNT_ID/members" | grep -o \'"email":"[^"]*"\\|"name":"[^"]*Administrator[^"]*"\'', expect: 'the founder\'s email next to "Super Administrator - All Privileges" (or in the dashboard: Manage Account → Members)' },
    runbook: 'cloudflare-lockout',
    scope: 'domain',
    network: true,
  },
  run: (ctx) =>
    withZone(ctx, async ({ cf, cred, zone, evidence }) => {
      let accountId = zone.accountId
      if (!accountId) accountId = (await cf.memberships())[0]?.accountId
      if (!accountId) return { status: 'error', summary: 'Cloudflare did not say which account owns the zone', evidence }
      const members = await cf.members(accountId)
      const v = judgeAccess(members, ctx.engagement.founderEmail)
      const inventory = members.map((m) => ({ email: m.email, roles: m.roles, status: m.status }))
      return {
        status: v.status,
        summary: v.summary,
        details: { account: { id: accountId, name: zone.accountName }, superAdministrators: v.superAdmins, members: inventory, founderEmail: ctx.engagement.founderEmail || null },
        evidence: [...evidence, apiEvidence(`Cloudflare GET /accounts/${accountId}/members`, inventory, cred)],
      }
    }),
}
