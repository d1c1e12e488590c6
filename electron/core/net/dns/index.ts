export { Resolver, createResolver, type ResponseSink, type DnsFailure } from './resolver'
export { DnsError, isDnsError, type DnsErrorKind } from './errors'
export type { DnsRecord, DnsResponse, DnsFlags, QueryOptions } from './types'
export { findZone, zoneNameServers, queryAuthoritative, parentDelegation, askEach, addressesOf, parentOf, type NameServer, type AuthAnswer, type Delegation } from './auth'
