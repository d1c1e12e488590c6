/** What mon.uptime needs from an uptime-monitoring provider. */
export interface Monitor {
  id: string
  name: string
  url: string
  type: string
  /** Not paused. */
  active: boolean
  /** Someone is alerted when it goes down (contacts or an escalation policy attached). */
  alerting: boolean
  /** SSL-expiry alerting for this monitor: true/false, undefined when the provider does not say. */
  sslExpiry?: boolean
}

export interface MonitoringSnapshot {
  provider: 'uptimerobot' | 'betterstack'
  monitors: Monitor[]
  /** Account-level alert contacts (names and kinds only, never their addresses). */
  contacts: { id: string; name: string; type: string }[]
  /** The account's login email, when the provider says: the inventory's owner. */
  account?: string
}

export interface MonitoringClient {
  snapshot(): Promise<MonitoringSnapshot>
}
