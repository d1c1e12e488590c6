import { ProviderError } from '../errors'
import { registerSecret } from '../../vault/redact'

/**
 * How each registrar credential is written when it is stored (one keychain entry each):
 * Porkbun `APIKEY:SECRETAPIKEY`, Namecheap `APIUSER:APIKEY:CLIENTIP`, GoDaddy `KEY:SECRET`
 * (the `sso-key` pair), Gandi a personal access token, or `apikey:KEY` for a legacy API key.
 */
export const SECRET_FORMATS: Record<string, string> = {
  'registrar-porkbun': 'APIKEY:SECRETAPIKEY (both keys from porkbun.com/account/api)',
  'registrar-namecheap': 'APIUSER:APIKEY:CLIENTIP (the API user, its key, and the whitelisted IPv4 address you call from)',
  'registrar-godaddy': 'KEY:SECRET (a production API key pair from developer.godaddy.com)',
  'registrar-gandi': 'a personal access token, or apikey:KEY for a legacy API key',
}

/** Split a compound secret into its parts; every secret part is registered for redaction on its own. */
export function secretParts(provider: string, secret: string, count: number, secretIdx: number[]): string[] {
  const parts = secret.trim().split(':')
  if (parts.length !== count || parts.some((p) => !p.trim())) {
    throw new ProviderError(provider.replace(/^registrar-/, ''), 'auth', `the credential is not written as ${SECRET_FORMATS[provider] ?? `${count} parts joined by ":"`}`)
  }
  for (const i of secretIdx) registerSecret(parts[i])
  return parts.map((p) => p.trim())
}
