import { ProviderError } from '../errors'
import { registerSecret } from '../../vault/redact'
import { SECRET_FORMATS } from '@shared/contract/credentials'

/** Split a compound secret into its parts; every secret part is registered for redaction on its own. */
export function secretParts(provider: string, secret: string, count: number, secretIdx: number[]): string[] {
  const parts = secret.trim().split(':')
  if (parts.length !== count || parts.some((p) => !p.trim())) {
    throw new ProviderError(provider.replace(/^registrar-/, ''), 'auth', `the credential is not written as ${SECRET_FORMATS[provider as keyof typeof SECRET_FORMATS] ?? `${count} parts joined by ":"`}`)
  }
  for (const i of secretIdx) registerSecret(parts[i])
  return parts.map((p) => p.trim())
}
