import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Every regular file under a folder (recursively); bounded so a runaway tree cannot hang a test. */
export function filesUnder(dir: string, limit = 5000): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (out.length >= limit) return
      const p = join(d, name)
      const s = statSync(p)
      if (s.isDirectory()) walk(p)
      else if (s.isFile()) out.push(p)
    }
  }
  walk(dir)
  return out
}

/** Where each needle occurs among named blobs (files, outputs): "needle in name" lines. */
export function occurrences(blobs: { name: string; data: Buffer | string }[], needles: string[]): string[] {
  const hits: string[] = []
  for (const b of blobs) {
    const data = typeof b.data === 'string' ? Buffer.from(b.data) : b.data
    for (const n of needles) if (data.includes(Buffer.from(n))) hits.push(`${n} in ${b.name}`)
  }
  return hits
}

/** Read files as named blobs. */
export function blobsOf(files: string[]): { name: string; data: Buffer }[] {
  return files.map((f) => ({ name: f, data: readFileSync(f) }))
}
