import type { Exposure, ExposureSource } from '@shared/contract/exposures'
import type { Db } from '../../workspace/db'
import { hasTable } from '../results'
import { classifySecret } from './classify'

/** One sighting of an exposed secret in one stored result. */
interface Sighting {
  key: string
  name: string
  source: ExposureSource
  where: string
}

type Obj = Record<string, unknown>
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x): x is Obj => !!x && typeof x === 'object') : [])
const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/

/** The secrets one result says are exposed (names and masked prefixes only). */
export function sightings(checkId: string, target: string, details: Obj): Sighting[] {
  const out: Sighting[] = []
  if (checkId === 'http.exposure') {
    for (const p of list(details.probes).filter((x) => x.exposed === true && str(x.path).endsWith('.env'))) {
      const url = `https://${target}${str(p.path)}`
      const names = Array.isArray(p.names) ? p.names.filter((n): n is string => typeof n === 'string' && NAME.test(n)) : []
      if (!names.length) out.push({ key: `env-file:${url}`, name: `everything in ${url}`, source: 'env-file', where: `served publicly at ${url}` })
      for (const n of names) out.push({ key: `env-file:${n}`, name: n, source: 'env-file', where: `served publicly at ${url}` })
    }
  }
  if (checkId === 'secrets.bundle' || checkId === 'secrets.repo') {
    for (const f of list(details.findings)) {
      // A key every visitor is meant to receive (Firebase web, browser Maps) is no exposure to rotate.
      if (f.publicByDesign === true) continue
      const title = str(f.title) || str(f.rule) || 'secret'
      const masked = str(f.masked)
      const name = masked ? `${title} (${masked})` : title
      if (checkId === 'secrets.bundle') out.push({ key: `site-bundle:${str(f.rule)}:${masked}`, name, source: 'site-bundle', where: `in ${str(f.path) || 'the site'}, which every visitor downloads` })
      else {
        const tree = f.inWorkingTree === true
        const commit = str(f.commit).slice(0, 7)
        const where = `in the repository ${tree ? 'working tree' : 'history'}: ${str(f.path)}${commit ? ` (commit ${commit})` : ''}`
        out.push({ key: `${tree ? 'repo-tree' : 'repo-history'}:${str(f.rule)}:${masked}`, name, source: tree ? 'repo-tree' : 'repo-history', where })
      }
    }
  }
  if (checkId === 'host.env' && Array.isArray(details.publicSecrets)) {
    for (const n of details.publicSecrets.filter((x): x is string => typeof x === 'string' && NAME.test(x))) {
      out.push({ key: `public-env:${n}`, name: n, source: 'public-env', where: `public environment variable ${n}, built into the JavaScript every visitor downloads` })
    }
  }
  return out
}

interface Row {
  id: number
  check_id: string
  target: string
  details: string
  finished_at: string
}

interface Rotation {
  key: string
  at: string
  by: string
  note: string
}

function parse(s: string): Obj {
  try {
    const v = JSON.parse(s) as unknown
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {}
  } catch {
    return {}
  }
}

/**
 * Every secret the engagement's checks ever saw exposed, with its first and last sighting,
 * whether the latest result still shows it, and the rotation that settles it: one recorded
 * after the last sighting, or any rotation for a secret that lives on only in git history.
 */
export function collectExposures(db: Db, engagementId: string): Exposure[] {
  if (!hasTable(db, 'check_results')) return []
  const rows = db
    .prepare<[string], Row>(
      `SELECT id, check_id, target, details, finished_at FROM check_results WHERE engagement_id = ?
       AND check_id IN ('http.exposure', 'secrets.bundle', 'secrets.repo', 'host.env') ORDER BY id`,
    )
    .all(engagementId)
  const latestId = new Map<string, number>()
  for (const r of rows) latestId.set(`${r.check_id}\n${r.target}`, r.id)
  const by = new Map<string, Exposure>()
  for (const r of rows) {
    const latest = latestId.get(`${r.check_id}\n${r.target}`) === r.id
    for (const s of sightings(r.check_id, r.target, parse(r.details))) {
      const cur = by.get(s.key)
      if (cur) {
        cur.lastSeen = r.finished_at
        cur.where = s.where
        cur.stillExposed ||= latest
      } else by.set(s.key, { ...s, ...classifySecret(s.name), firstSeen: r.finished_at, lastSeen: r.finished_at, stillExposed: latest, rotation: null })
    }
  }
  const rotations = readRotations(db, engagementId)
  for (const e of by.values()) {
    const mine = rotations.filter((r) => r.key === e.key)
    const settles = mine.filter((r) => e.source === 'repo-history' || r.at >= e.lastSeen).pop()
    e.rotation = settles ? { at: settles.at, by: settles.by, note: settles.note } : null
  }
  return [...by.values()].sort((a, b) => Number(!!a.rotation) - Number(!!b.rotation) || a.firstSeen.localeCompare(b.firstSeen) || a.key.localeCompare(b.key))
}

function readRotations(db: Db, engagementId: string): Rotation[] {
  if (!hasTable(db, 'secret_rotations')) return []
  return db
    .prepare<[string], Rotation>('SELECT exposure_key AS key, rotated_at AS at, rotated_by AS by, note FROM secret_rotations WHERE engagement_id = ? ORDER BY rotated_at, id')
    .all(engagementId)
}
