/** Third-party services where an unclaimed CNAME target can be registered by anyone (takeover). */
const SERVICES: [RegExp, string][] = [
  [/\.herokuapp\.com$|\.herokudns\.com$/, 'Heroku'],
  [/\.github\.io$/, 'GitHub Pages'],
  [/\.s3[.-][\w.-]*amazonaws\.com$|\.s3-website[\w.-]*\.amazonaws\.com$/, 'Amazon S3'],
  [/\.cloudfront\.net$/, 'Amazon CloudFront'],
  [/\.elasticbeanstalk\.com$/, 'AWS Elastic Beanstalk'],
  [/\.azurewebsites\.net$|\.cloudapp\.net$|\.cloudapp\.azure\.com$|\.trafficmanager\.net$|\.blob\.core\.windows\.net$|\.azureedge\.net$/, 'Microsoft Azure'],
  [/\.netlify\.app$|\.netlify\.com$/, 'Netlify'],
  [/\.vercel\.app$|\.now\.sh$/, 'Vercel'],
  [/\.surge\.sh$/, 'Surge'],
  [/\.pantheonsite\.io$/, 'Pantheon'],
  [/\.ghost\.io$/, 'Ghost'],
  [/\.myshopify\.com$/, 'Shopify'],
  [/\.zendesk\.com$/, 'Zendesk'],
  [/\.bitbucket\.io$/, 'Bitbucket'],
  [/\.wpengine\.com$/, 'WP Engine'],
  [/\.readme\.io$/, 'ReadMe'],
  [/\.helpscoutdocs\.com$/, 'Help Scout'],
  [/\.fly\.dev$/, 'Fly.io'],
  [/\.onrender\.com$/, 'Render'],
  [/\.pages\.dev$/, 'Cloudflare Pages'],
  [/\.firebaseapp\.com$|\.web\.app$/, 'Firebase'],
  [/\.webflow\.io$/, 'Webflow'],
  [/\.unbouncepages\.com$/, 'Unbounce'],
  [/\.statuspage\.io$/, 'Statuspage'],
]

/** The third-party service a CNAME target belongs to, if it is one where takeovers happen. */
export function takeoverService(target: string): string | undefined {
  const t = target.toLowerCase().replace(/\.$/, '')
  return SERVICES.find(([re]) => re.test(t))?.[1]
}

/** Host labels worth a look even when not declared (common leftovers). */
export const COMMON_LABELS = ['www', 'app', 'api', 'admin', 'staging', 'dev', 'preview', 'blog', 'docs', 'status', 'shop', 'help', 'support', 'beta', 'old']
