/** Known DNS hosting providers by nameserver suffix (for "which provider hosts DNS"). */
const PROVIDERS: [RegExp, string][] = [
  [/\.ns\.cloudflare\.com$/, 'Cloudflare'],
  [/\.awsdns-\d+\.(com|net|org|co\.uk)$/, 'Amazon Route 53'],
  [/\.domaincontrol\.com$/, 'GoDaddy'],
  [/\.registrar-servers\.com$/, 'Namecheap'],
  [/\.googledomains\.com$|ns-cloud-\w+\.googledomains\.com$/, 'Google Cloud DNS'],
  [/\.azure-dns\.(com|net|org|info)$/, 'Azure DNS'],
  [/\.nsone\.net$/, 'NS1'],
  [/\.vercel-dns\.com$/, 'Vercel'],
  [/\.nsX?\d*\.netlify\.com$|\.netlifydns\.com$/, 'Netlify'],
  [/\.dnsimple\.com$/, 'DNSimple'],
  [/\.digitalocean\.com$/, 'DigitalOcean'],
  [/\.hetzner\.(com|de)$/, 'Hetzner'],
  [/\.gandi\.net$/, 'Gandi'],
  [/\.ovh\.net$/, 'OVH'],
  [/\.porkbun\.com$/, 'Porkbun'],
  [/\.dnsmadeeasy\.com$/, 'DNS Made Easy'],
  [/\.squarespacedns\.com$|\.googledomains\.com$/, 'Squarespace'],
  [/\.name-services\.com$|\.hover\.com$/, 'Hover'],
  [/\.ultradns\.(com|net|org|biz|info|co\.uk)$/, 'UltraDNS'],
  [/\.dynect\.net$/, 'Dyn'],
]

/** The provider a nameserver belongs to, or its registrable-looking suffix. */
export function dnsProvider(ns: string): string {
  const n = ns.toLowerCase().replace(/\.$/, '')
  for (const [re, name] of PROVIDERS) if (re.test(n)) return name
  return n.split('.').slice(-2).join('.')
}
