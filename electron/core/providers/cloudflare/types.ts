/** Plain shapes the checks use, decoupled from the SDK's generated types. */
export interface CfTokenStatus {
  id: string
  status: string
  expiresOn?: string
}

export type CfGrants = Record<string, { read?: boolean; write?: boolean }>

export interface CfMembership {
  accountId: string
  accountName: string
  status?: string
  roles: string[]
  permissions: CfGrants
  /** The account's "enforce two-factor for every member" setting, when the membership shows it. */
  enforceTwoFactor?: boolean
}

export interface CfZone {
  id: string
  name: string
  status: string
  paused: boolean
  nameServers: string[]
  originalNameServers: string[]
  accountId?: string
  accountName?: string
}

export interface CfRecord {
  id: string
  type: string
  name: string
  content: string
  proxied: boolean
  proxiable: boolean
}

export interface CfRule {
  id?: string
  description?: string
  expression: string
  action: string
  enabled: boolean
  actionParameters?: Record<string, unknown>
  ratelimit?: Record<string, unknown>
}

export interface CfRuleset {
  id: string
  name?: string
  kind: string
  phase: string
  rules: CfRule[]
}

export interface CfMember {
  id: string
  email: string
  status?: string
  roles: string[]
  /** Whether the member's user signs in with two factors (null: not shown). */
  twoFactor?: boolean | null
}
