import type { NetworkProfile } from '../net/profile'
import type { CheckServices, CredentialSource } from './types'
import { createResolver } from '../net/dns/resolver'
import { KeyedLimiter } from './limiter'
import { createProviderServices } from '../providers'
import { HttpClient } from '../net/http/client'
import { TlsProber } from '../net/tls/probe'

/** No credentials configured: provider checks skip. */
export const noCredentials: CredentialSource = { get: async () => null }

/**
 * Build the network services shared by every check of one run, from the network profile.
 * Each check family adds its service here (dns, http, tls, providers) in one line.
 */
export function createServices(profile: NetworkProfile, extras: Partial<CheckServices> = {}): CheckServices {
  void profile
  return { credentials: noCredentials, dns: createResolver(profile), limiter: new KeyedLimiter(profile.perHostConcurrency), providers: createProviderServices(profile), http: new HttpClient(profile), tls: new TlsProber(profile), ...extras } as CheckServices
}
