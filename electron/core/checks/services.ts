import type { NetworkProfile } from '../net/profile'
import type { CheckServices, CredentialSource } from './types'

/** No credentials configured: provider checks skip. */
export const noCredentials: CredentialSource = { get: async () => null }

/**
 * Build the network services shared by every check of one run, from the network profile.
 * Each check family adds its service here (dns, http, tls, providers) in one line.
 */
export function createServices(profile: NetworkProfile, extras: Partial<CheckServices> = {}): CheckServices {
  void profile
  return { credentials: noCredentials, ...extras } as CheckServices
}
