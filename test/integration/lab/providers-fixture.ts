import { providersSchema, type ProvidersInput, type ProvidersSpec } from '../../../electron/lab/providers'

/** A scenario `providers:` section that exercises every endpoint (the demo's mess, in small). */
export const FIXTURE: ProvidersInput = {
  cloudflare: {
    account: { name: 'Launch Co' },
    membershipRoles: ['Administrator'],
    token: { policies: [{ permissionGroups: ['Zone Read', 'DNS Read', 'Zone Settings Read', 'Account Settings Read'], resources: { 'com.cloudflare.api.account.*': '*' } }] },
    members: [
      { email: 'consultant@handover.example', name: 'Casey Consultant', roles: ['Super Administrator - All Privileges'] },
      { email: 'founder@launch.example', name: 'Fran Founder', roles: ['Administrator'] },
      { email: 'intern@launch.example', roles: ['Administrator Read Only'], status: 'pending' },
    ],
    zones: [
      {
        name: 'launch.example',
        settings: { ssl: 'flexible', min_tls_version: '1.0', always_use_https: 'off' },
        records: [
          { type: 'A', name: '@', content: '203.0.113.10', proxied: true },
          { type: 'CNAME', name: 'www', content: 'launch.example', proxied: true },
          { type: 'A', name: 'origin', content: '203.0.113.10', proxied: false, ttl: 300 },
          { type: 'AAAA', name: 'v6', content: '2001:db8::10', proxied: false, ttl: 300 },
          { type: 'MX', name: '@', content: 'mx.mail.example', priority: 10, ttl: 3600 },
          { type: 'TXT', name: '@', content: 'v=spf1 include:_spf.mail.example -all', ttl: 3600 },
          { type: 'CAA', name: '@', content: '0 issue "letsencrypt.org"', ttl: 3600 },
          { type: 'NS', name: 'sub', content: 'ns1.other.example', ttl: 3600 },
        ],
        rulesets: [
          {
            name: 'default',
            phase: 'http_request_cache_settings',
            rules: [{ description: 'cache everything on the API', expression: 'starts_with(http.request.uri.path, "/api/")', action: 'set_cache_settings', action_parameters: { cache: true, edge_ttl: { mode: 'override_origin', default: 86400 } } }],
          },
          {
            name: 'default',
            phase: 'http_ratelimit',
            rules: [{ description: 'login', expression: 'http.request.uri.path eq "/login"', action: 'block', ratelimit: { characteristics: ['ip.src', 'cf.colo.id'], period: 60, requests_per_period: 10, mitigation_timeout: 600 } }],
          },
          { name: 'Cloudflare Managed Free Ruleset', kind: 'managed', phase: 'http_request_firewall_managed' },
          {
            name: 'default',
            phase: 'http_request_firewall_managed',
            rules: [{ description: 'managed rules', expression: 'true', action: 'execute', action_parameters: { id: 'efb7b8c949ac4650a09736fc376e9aee' } }],
          },
        ],
      },
    ],
  },
  rdap: { domains: [{ name: 'launch.example', expiresInDays: 40, status: ['ok'], dnssec: false }, { name: 'signed.test', dnssec: true, nameservers: ['ns1.signed.test'] }] },
  vercel: {
    projects: [
      {
        name: 'launch-web',
        domains: ['launch.example', { name: 'www.launch.example', redirect: 'launch.example' }],
        deployments: [{ state: 'READY' }, { state: 'ERROR' }, { state: 'READY', target: 'preview', branch: 'feature-x' }],
        env: [
          { key: 'DATABASE_URL', type: 'encrypted', target: ['production'] },
          { key: 'NEXT_PUBLIC_STRIPE_SECRET_KEY', type: 'plain' },
          { key: 'OPENAI_API_KEY', type: 'sensitive', target: ['production', 'preview'] },
        ],
      },
      ...Array.from({ length: 24 }, (_, i) => ({ name: `side-project-${i}` })),
    ],
  },
  netlify: {
    sites: [
      {
        name: 'launch-docs',
        customDomain: 'docs.launch.example',
        domainAliases: ['help.launch.example'],
        deploys: [{ state: 'ready' }, { state: 'ready', hoursAgo: 50 }, { state: 'ready', context: 'deploy-preview', branch: 'pr-7' }],
        env: [
          { key: 'VITE_API_URL', contexts: ['all'] },
          { key: 'STRIPE_SECRET_KEY', isSecret: true, contexts: ['production'] },
        ],
      },
      ...Array.from({ length: 3 }, (_, i) => ({ name: `old-site-${i}` })),
    ],
  },
  uptimerobot: {
    alertContacts: [{ id: '0100', name: 'Founder email', type: 'email', value: 'founder@launch.example' }],
    monitors: [
      { name: 'Homepage', url: 'https://launch.example/', alertContacts: ['0100'], sslExpiryReminder: false },
      { name: 'API health', url: 'https://api.launch.example/health', type: 'keyword', alertContacts: ['0100'] },
      { name: 'Old staging', url: 'https://staging.launch.example/', paused: true },
    ],
  },
  betterstack: {
    monitors: [
      { name: 'Homepage', url: 'https://launch.example/', sslExpiration: 14 },
      { name: 'Login', url: 'https://launch.example/login', email: false, policyId: '42' },
    ],
  },
}

/** The fixture after schema defaults. */
export function fixture(extra: Partial<ProvidersInput> = {}): ProvidersSpec {
  return providersSchema.parse({ ...FIXTURE, ...extra })
}

export const DOMAINS = ['launch.example']
