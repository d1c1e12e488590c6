export { TlsProber, type TlsProbeResult, type VersionProbe } from './probe'
export { describeCert, peerChain, type CertInfo } from './cert'
