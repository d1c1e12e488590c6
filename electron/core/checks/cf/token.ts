import { judgePolicies, judgePrivilege, grantsToScopes, type PrivilegeVerdict } from '../../providers/cloudflare/permissions'
import { ProviderError } from '../../providers/errors'
import { apiEvidence } from '../../providers/outcome'
import { judgeFindings, type Finding } from '../findings'
import type { CheckModule, CheckOutcome } from '../types'
import { withCloudflare } from './lib/zone'

/** A token that stops working within this many days warns (the sprint and the monitoring after it rely on it). */
export const TOKEN_WARN_DAYS = 30

/** What the token's expiry date means for the engagement, if anything. */
export function tokenExpiry(expiresOn: string | undefined, now = Date.now()): Finding | null {
  const at = expiresOn ? Date.parse(expiresOn) : NaN
  if (!Number.isFinite(at)) return null
  const days = Math.round((at - now) / 86_400_000)
  if (at <= now) return { status: 'fail', text: `the token expired on ${expiresOn!.slice(0, 10)}: create a new read-only token` }
  if (days < TOKEN_WARN_DAYS) return { status: 'warn', text: `the token expires in ${days} day${days === 1 ? '' : 's'} (${expiresOn!.slice(0, 10)}): audits and monitoring that use it stop then; extend it or create a new one` }
  return null
}

/** Turn the token's status, privilege verdict and expiry into an outcome: every finding, worst first. */
export function judgeToken(status: string, v: PrivilegeVerdict, source: 'policies' | 'memberships', expiresOn?: string): Pick<CheckOutcome, 'status' | 'summary'> {
  if (status !== 'active') return { status: 'fail', summary: `The Cloudflare token is ${status || 'not active'}: create a new read-only token` }
  const from = source === 'memberships' ? ' (judged from account grants; let the token read itself for an exact answer)' : ''
  const found: Finding[] = []
  if (v.level === 'account-edit') found.push({ status: 'warn', text: `Token is over-broad: it can edit account-wide settings (${v.accountWide.join(', ')}); an audit needs read-only${from}` })
  if (v.level === 'zone-edit') found.push({ status: 'warn', text: `Token is broader than needed: it grants ${v.writes.join(', ')}; read-only suffices for an audit${from}` })
  const expiry = tokenExpiry(expiresOn)
  if (expiry) found.push(expiry)
  return judgeFindings(found, 'Cloudflare token is active and read-only (least privilege)')
}

export const check: CheckModule = {
  meta: {
    id: 'cf.token',
    title: 'Cloudflare API token: valid and least privilege',
    area: 'cf',
    stage: 'quick-audit',
    why: 'A leaked token that can edit your account lets anyone change DNS or turn off protection; a read-only token limits the damage.',
    fix: 'In Cloudflare → My Profile → API Tokens, create a token with only Read permissions (Zone, DNS, Zone Settings, Account Members) for this account, then rotate the credential in Handover Console and delete the old token.',
    runbook: 'key-leaked',
    scope: 'engagement',
    network: true,
  },
  run: (ctx) =>
    withCloudflare(ctx, async (cf, cred) => {
      const t = await cf.verifyToken()
      const evidence = [apiEvidence('Cloudflare GET /user/tokens/verify', t, cred)]
      if (t.status !== 'active') return { ...judgeToken(t.status, judgePrivilege([]), 'policies'), evidence }
      const policies = await cf.tokenPolicies(t.id)
      let verdict: PrivilegeVerdict
      let permissions: string[]
      if (policies) {
        verdict = judgePolicies(policies)
        permissions = policies.flatMap((p) => p.groups)
        evidence.push(apiEvidence(`Cloudflare GET /user/tokens/${t.id} (policies)`, policies, cred))
      } else {
        const m = await cf.memberships().catch((e: unknown) => {
          if (e instanceof ProviderError && e.kind === 'auth') return null
          throw e
        })
        if (!m) {
          const summary = "Cloudflare token is active, but its permissions cannot be listed: add 'API Tokens Read' to it so least privilege can be judged"
          return { status: 'warn', summary, details: { tokenId: t.id, expiresOn: t.expiresOn }, evidence }
        }
        verdict = judgePrivilege(m)
        permissions = m.flatMap((x) => grantsToScopes(x.permissions).map((s) => `${x.accountName || x.accountId}: ${s}`))
        evidence.push(apiEvidence('Cloudflare GET /memberships', m, cred))
      }
      return {
        ...judgeToken(t.status, verdict, policies ? 'policies' : 'memberships', t.expiresOn),
        details: { tokenId: t.id, expiresOn: t.expiresOn, privilege: verdict.level, permissions, edits: verdict.writes },
        evidence,
      }
    }),
}
