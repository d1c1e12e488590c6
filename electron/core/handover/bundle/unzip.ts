import { inflateRawSync } from 'node:zlib'
import { AppError } from '@shared/errors'

/**
 * Read the entries of a zip archive (stored or deflated), via its central directory. Bounded:
 * at most 64 entries and 512 MiB in total, names without '..' or absolute paths.
 */
export function readZip(buf: Buffer): { name: string; data: Buffer }[] {
  const bad = (why: string) => new AppError('invalid_input', `not a readable bundle zip: ${why}`)
  let eocd = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  if (eocd < 0) throw bad('no end-of-central-directory record')
  const count = buf.readUInt16LE(eocd + 10)
  if (count > 64) throw bad('too many entries')
  let p = buf.readUInt32LE(eocd + 16)
  const out: { name: string; data: Buffer }[] = []
  let total = 0
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw bad('broken central directory')
    const method = buf.readUInt16LE(p + 10)
    const size = buf.readUInt32LE(p + 20)
    const usize = buf.readUInt32LE(p + 24)
    const nameLen = buf.readUInt16LE(p + 28)
    const extra = buf.readUInt16LE(p + 30)
    const comment = buf.readUInt16LE(p + 32)
    const local = buf.readUInt32LE(p + 42)
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8')
    p += 46 + nameLen + extra + comment
    if (name.endsWith('/')) continue
    if (name.startsWith('/') || name.split('/').includes('..')) throw bad(`unsafe entry name ${name}`)
    total += usize
    if (total > 512 * 1024 * 1024) throw bad('too large')
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    const raw = buf.subarray(start, start + size)
    const data = method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw, { maxOutputLength: usize }) : null
    if (!data) throw bad(`entry ${name} uses compression method ${method}`)
    out.push({ name, data })
  }
  return out
}
