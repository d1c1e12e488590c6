/** Sending providers recognised from SPF includes, with the DKIM selectors they use. */
export const PROVIDERS: { name: string; include: RegExp; selectors: string[] }[] = [
  { name: 'Google Workspace', include: /(^|\.)_spf\.google\.com$/, selectors: ['google'] },
  { name: 'Microsoft 365', include: /(^|\.)spf\.protection\.outlook\.com$/, selectors: ['selector1', 'selector2'] },
  { name: 'SendGrid', include: /(^|\.)sendgrid\.net$/, selectors: ['s1', 's2', 'smtpapi'] },
  { name: 'Mailgun', include: /(^|\.)mailgun\.org$/, selectors: ['k1', 'mx', 'smtp', 'pic', 'krs', 'mailo'] },
  { name: 'Mandrill', include: /(^|\.)mandrillapp\.com$/, selectors: ['mandrill'] },
  { name: 'Mailchimp', include: /(^|\.)mcsv\.net$/, selectors: ['k1', 'k2', 'k3'] },
  { name: 'Postmark', include: /(^|\.)mtasv\.net$/, selectors: ['pm', 'pm2'] },
  { name: 'Zoho Mail', include: /(^|\.)zoho\.(com|eu|in)$/, selectors: ['zoho', 'zmail'] },
  { name: 'Fastmail', include: /(^|\.)messagingengine\.com$/, selectors: ['fm1', 'fm2', 'fm3'] },
  { name: 'Proton Mail', include: /(^|\.)protonmail\.ch$/, selectors: ['protonmail', 'protonmail2', 'protonmail3'] },
  { name: 'Brevo', include: /(^|\.)(sendinblue|brevo)\.com$/, selectors: ['mail', 'brevo1', 'brevo2'] },
  { name: 'Amazon SES', include: /(^|\.)amazonses\.com$/, selectors: ['amazonses', 'resend'] },
  { name: 'HubSpot', include: /(^|\.)hubspotemail\.net$/, selectors: ['hs1', 'hs2'] },
]

/** Selectors worth trying on any domain. */
export const COMMON_SELECTORS = [
  'default', 'mail', 'dkim', 'google', 'selector1', 'selector2', 'k1', 'k2', 'k3', 's1', 's2', 'key1', 'key2', 'dkim1', 'sig1',
  'mandrill', 'mxvermillion', 'smtp', 'mx', 'pm', 'zoho', 'fm1', 'fm2', 'protonmail', 'hs1', 'hs2', 'resend', 'mailjet', 'everlytickey1', 'cm',
]
