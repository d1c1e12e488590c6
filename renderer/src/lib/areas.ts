/** What each check area is called for a person (check ids start with their area: `cf.zone`). */
const AREA_NAMES: Record<string, string> = {
  abuse: 'Abuse protection',
  ai: 'AI features',
  cf: 'Cloudflare',
  dns: 'DNS',
  host: 'Hosting',
  http: 'Web (HTTP)',
  mail: 'Email',
  mon: 'Monitoring',
  obs: 'Error tracking',
  reg: 'Registrar',
  secrets: 'Secrets',
  tls: 'TLS certificates',
}

/** An area's name in words; an unknown area keeps its id rather than guessing. */
export function areaName(area: string): string {
  return AREA_NAMES[area] ?? area
}
