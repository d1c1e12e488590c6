import { constants, generateKeyPairSync, privateEncrypt } from 'node:crypto'
import forge from 'node-forge'

export interface KeyPair {
  privateKey: forge.pki.rsa.PrivateKey
  /** Signs like forge's key.sign(md) (RSASSA-PKCS1-v1_5) but with Node's native RSA: forge's JS takes ~250 ms per signature. */
  signer: forge.pki.rsa.PrivateKey
  publicKey: forge.pki.rsa.PublicKey
  privateKeyPem: string
}

const cache = new Map<string, KeyPair>()

/**
 * An RSA 2048 key pair by role ('ca', 'leaf', 'rogue'), generated once per process with Node's
 * native keygen (forge's pure-JS keygen takes seconds) and reused by every lab.
 */
export function labKey(role: string): KeyPair {
  let k = cache.get(role)
  if (!k) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } })
    k = fromPem(privateKey)
    cache.set(role, k)
  }
  return k
}

/** A forge key pair from a PEM private key (PKCS#1 or PKCS#8). */
export function fromPem(pem: string): KeyPair {
  const privateKey = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey
  const publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e)
  const privateKeyPem = forge.pki.privateKeyToPem(privateKey)
  return { privateKey, publicKey, privateKeyPem, signer: nativeSigner(privateKey, privateKeyPem) }
}

/** DER prefix of a SHA-256 DigestInfo (RFC 8017 §9.2 note 1). */
const SHA256_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex')

function nativeSigner(key: forge.pki.rsa.PrivateKey, pem: string): forge.pki.rsa.PrivateKey {
  const sign = (md: forge.md.MessageDigest): string => {
    if (md.algorithm !== 'sha256') return key.sign(md)
    const info = Buffer.concat([SHA256_INFO, Buffer.from(md.digest().getBytes(), 'binary')])
    return privateEncrypt({ key: pem, padding: constants.RSA_PKCS1_PADDING }, info).toString('binary')
  }
  return { ...key, sign } as forge.pki.rsa.PrivateKey
}
