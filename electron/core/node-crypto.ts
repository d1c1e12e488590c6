import type * as Crypto from 'node:crypto'

let mod: typeof Crypto | undefined

/**
 * node:crypto, loaded on first use rather than when a module that may hash is loaded: Node's
 * crypto module is ~8–15 ms of a CLI command's start, and `handover engagement list` hashes
 * nothing.
 */
export function nodeCrypto(): typeof Crypto {
  return (mod ??= process.getBuiltinModule('node:crypto'))
}
