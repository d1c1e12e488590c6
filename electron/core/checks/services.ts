import type { NetworkProfile } from '../net/profile'
import type { CheckServices } from './types'

/**
 * Build the network services shared by every check of one run, from the network profile.
 * Each check family adds its service here (dns, http, tls, providers) in one line.
 */
export function createServices(profile: NetworkProfile, extras: Partial<CheckServices> = {}): CheckServices {
  void profile
  return { ...extras } as CheckServices
}
