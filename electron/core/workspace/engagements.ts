import { nodeCrypto } from '../node-crypto'
import { AppError } from '@shared/errors'
import { MAX_DKIM_SELECTORS, MAX_REPOS, MAX_ROUTES, normalizeRepo, normalizeRoute, normalizeSelector, storedList } from '@shared/schemas/check-config'
import { MAX_PRIVATE_TARGETS, normalizePrivateTarget } from '@shared/schemas/private-targets'
import {
  normalizeHosts,
  STAGES,
  VERTICALS,
  type Engagement,
  type Host,
  type engagementCreateSchema,
  type engagementUpdateSchema,
} from '@shared/schemas/engagement'
import type { z } from 'zod'
import type { Db } from './db'
import { logChange } from './changelog'
import { EvidenceStore } from '../evidence/store'

type CreateInput = z.output<typeof engagementCreateSchema>
type UpdateInput = z.output<typeof engagementUpdateSchema>

interface Row {
  id: string
  client_name: string
  founder_name: string
  founder_email: string
  domain: string
  stage: string
  vertical: string
  notes: string
  /** JSON array of DKIM selectors. */
  dkim_selectors: string
  /** JSON array of key routes. */
  routes: string
  /** JSON array of client repositories (paths or clone URLs). */
  repos: string
  /** JSON array of private targets checks may reach. */
  private_targets: string
  created_at: string
  updated_at: string
}

/** How long the app offers Undo after Delete. */
export const UNDO_WINDOW_MS = 10_000
/** The deletion becomes final a little after the Undo button goes away: a click at 9.9 s must still find the data. */
export const UNDO_GRACE_MS = 5_000

function normalizeDomainKey(d: string): string {
  return String(d ?? '').trim().toLowerCase().replace(/\.$/, '')
}

/** Not waiting out an Undo window after Delete (see removeLater). */
const VISIBLE = 'id NOT IN (SELECT engagement_id FROM engagement_deletions)'

/** Engagement repository: prepared statements over the workspace database. */
export class EngagementRepo {
  private readonly q
  private readonly evidence: EvidenceStore
  /** Deletions this process put in an Undo window (its own to finish when it closes). */
  private readonly mine = new Set<string>()
  constructor(private readonly db: Db) {
    this.evidence = new EvidenceStore(db)
    this.q = {
      all: db.prepare<[], Row>(`SELECT * FROM engagements WHERE ${VISIBLE} ORDER BY updated_at DESC, id`),
      byId: db.prepare<[string], Row>(`SELECT * FROM engagements WHERE id = ? AND ${VISIBLE}`),
      byDomain: db.prepare<[string], Row>(`SELECT * FROM engagements WHERE domain = ? AND ${VISIBLE}`),
      byPrefix: db.prepare<[string], Row>(`SELECT * FROM engagements WHERE id LIKE ? || '%' AND ${VISIBLE} LIMIT 2`),
      pendingByDomain: db.prepare<[string], { id: string }>('SELECT e.id FROM engagements e JOIN engagement_deletions d ON d.engagement_id = e.id WHERE e.domain = ?'),
      pending: db.prepare<[], { id: string; domain: string; requested_at: string }>('SELECT e.id, e.domain, d.requested_at FROM engagements e JOIN engagement_deletions d ON d.engagement_id = e.id'),
      markDeleted: db.prepare('INSERT INTO engagement_deletions (engagement_id, requested_at) VALUES (?, ?)'),
      unmarkDeleted: db.prepare('DELETE FROM engagement_deletions WHERE engagement_id = ?'),
      hosts: db.prepare<[string], { name: string; role: Host['role'] }>('SELECT name, role FROM hosts WHERE engagement_id = ? ORDER BY position'),
      allHosts: db.prepare<[], { engagement_id: string; name: string; role: Host['role'] }>(
        'SELECT engagement_id, name, role FROM hosts ORDER BY engagement_id, position',
      ),
      insert: db.prepare(
        `INSERT INTO engagements (id, client_name, founder_name, founder_email, domain, stage, vertical, notes, dkim_selectors, routes, private_targets, repos, created_at, updated_at)
         VALUES (@id, @client_name, @founder_name, @founder_email, @domain, @stage, @vertical, @notes, @dkim_selectors, @routes, @private_targets, @repos, @created_at, @updated_at)`,
      ),
      update: db.prepare(
        `UPDATE engagements SET client_name=@client_name, founder_name=@founder_name, founder_email=@founder_email, domain=@domain,
         stage=@stage, vertical=@vertical, notes=@notes, dkim_selectors=@dkim_selectors, routes=@routes, private_targets=@private_targets, repos=@repos, updated_at=@updated_at WHERE id=@id`,
      ),
      delete: db.prepare('DELETE FROM engagements WHERE id = ?'),
      deleteHosts: db.prepare('DELETE FROM hosts WHERE engagement_id = ?'),
      insertHost: db.prepare('INSERT INTO hosts (engagement_id, name, role, position) VALUES (?, ?, ?, ?)'),
    }
  }

  list(): Engagement[] {
    const hosts = new Map<string, Host[]>()
    for (const h of this.q.allHosts.all()) {
      const list = hosts.get(h.engagement_id) ?? []
      list.push({ name: h.name, role: h.role })
      hosts.set(h.engagement_id, list)
    }
    return this.q.all.all().map((r) => toEngagement(r, hosts.get(r.id) ?? []))
  }

  /** Find by exact id, by domain, or by a unique id prefix (what a person types in the CLI). */
  get(ref: string): Engagement {
    const key = ref.trim().toLowerCase().replace(/\.$/, '')
    const row = this.q.byId.get(ref) ?? this.q.byDomain.get(key) ?? this.uniquePrefix(key)
    if (!row) throw new AppError('not_found', `no engagement "${ref}" in this workspace`)
    return toEngagement(row, this.q.hosts.all(row.id))
  }

  private uniquePrefix(prefix: string): Row | undefined {
    if (prefix.length < 4) return undefined
    const rows = this.q.byPrefix.all(prefix)
    return rows.length === 1 ? rows[0] : undefined
  }

  create(input: CreateInput): Engagement {
    // creating the domain again makes a deletion still waiting for Undo final
    const waiting = this.q.pendingByDomain.get(normalizeDomainKey(input.domain))
    if (waiting) this.finishRemovals([waiting.id])
    const { hosts, errors } = normalizeHosts(input.hosts ?? ['www'], input.domain)
    if (errors.length) throw new AppError('invalid_input', errors.join('; '), errors.map((m) => ({ path: 'hosts', message: m })))
    const now = new Date().toISOString()
    const row: Row = {
      id: nodeCrypto().randomUUID(),
      client_name: input.clientName || input.domain,
      founder_name: input.founderName ?? '',
      founder_email: input.founderEmail ?? '',
      domain: input.domain,
      stage: input.stage ?? STAGES[2],
      vertical: input.vertical ?? VERTICALS[3],
      notes: input.notes ?? '',
      dkim_selectors: JSON.stringify(input.dkimSelectors ?? []),
      routes: JSON.stringify(input.routes ?? []),
      repos: JSON.stringify(input.repos ?? []),
      private_targets: JSON.stringify(input.privateTargets ?? []),
      created_at: now,
      updated_at: now,
    }
    this.db.transaction(() => {
      if (this.q.byDomain.get(row.domain)) {
        throw new AppError('conflict', `an engagement for ${row.domain} already exists`, [{ path: 'domain', message: 'already in use' }])
      }
      this.q.insert.run(row)
      this.writeHosts(row.id, hosts)
      logChange(this.db, row.id, 'engagement', 'created', { domain: row.domain })
      this.recordPrivateTargets(row.id, [], input.privateTargets ?? [])
    })()
    return this.get(row.id)
  }

  update({ id, patch }: UpdateInput): Engagement {
    return this.db.transaction(() => {
      const cur = this.get(id)
      const domain = patch.domain ?? cur.domain
      if (domain !== cur.domain) {
        const other = this.q.byDomain.get(domain)
        if (other && other.id !== cur.id) throw new AppError('conflict', `an engagement for ${domain} already exists`)
      }
      const hostInputs = patch.hosts ?? cur.hosts.map((h) => ({ name: h.name === cur.domain ? '@' : h.name.replace(`.${cur.domain}`, ''), role: h.role }))
      const { hosts, errors } = normalizeHosts(hostInputs, domain)
      if (errors.length) throw new AppError('invalid_input', errors.join('; '), errors.map((m) => ({ path: 'hosts', message: m })))
      this.q.update.run({
        id: cur.id,
        client_name: patch.clientName || (patch.clientName === '' ? domain : cur.clientName),
        founder_name: patch.founderName ?? cur.founderName,
        founder_email: patch.founderEmail ?? cur.founderEmail,
        domain,
        stage: patch.stage ?? cur.stage,
        vertical: patch.vertical ?? cur.vertical,
        notes: patch.notes ?? cur.notes,
        dkim_selectors: JSON.stringify(patch.dkimSelectors ?? cur.dkimSelectors),
        routes: JSON.stringify(patch.routes ?? cur.routes),
        repos: JSON.stringify(patch.repos ?? cur.repos),
        private_targets: JSON.stringify(patch.privateTargets ?? cur.privateTargets),
        updated_at: new Date().toISOString(),
      })
      if (patch.privateTargets) this.recordPrivateTargets(cur.id, cur.privateTargets, patch.privateTargets)
      this.q.deleteHosts.run(cur.id)
      this.writeHosts(cur.id, hosts)
      logChange(this.db, cur.id, 'engagement', 'updated', { fields: Object.keys(patch) })
      return this.get(cur.id)
    })()
  }

  remove(ref: string): { id: string } {
    return this.db.transaction(() => {
      const cur = this.get(ref)
      this.q.delete.run(cur.id)
      logChange(this.db, cur.id, 'engagement', 'removed', { domain: cur.domain })
      return { id: cur.id }
    })()
  }

  /**
   * Delete with an Undo window: the engagement disappears from every lookup at once, its data
   * stays until finishRemovals (the window's end, closing the workspace, or opening it again).
   */
  removeLater(ref: string): { id: string } {
    const cur = this.get(ref)
    this.q.markDeleted.run(cur.id, new Date().toISOString())
    this.mine.add(cur.id)
    return { id: cur.id }
  }

  /** Undo: bring back an engagement waiting to be deleted, as it was. */
  restore(id: string): Engagement {
    this.mine.delete(id)
    if (this.q.unmarkDeleted.run(id).changes === 0) throw new AppError('not_found', 'too late to undo: this engagement has already been deleted')
    return this.get(id)
  }

  /** Finish the deletions this process started (it is closing: its Undo buttons are gone). */
  finishOwnRemovals(): number {
    return this.mine.size ? this.finishRemovals([...this.mine]) : 0
  }

  /**
   * Finish deletions whose Undo window (and grace) has long passed: left by a process that
   * crashed, found when the workspace opens. A younger one may be another running process's
   * Undo window, which that process finishes itself.
   */
  finishStaleRemovals(now = Date.now()): number {
    const stale = this.q.pending.all().filter((p) => now - Date.parse(p.requested_at) >= UNDO_WINDOW_MS + UNDO_GRACE_MS)
    return stale.length ? this.finishRemovals(stale.map((p) => p.id)) : 0
  }

  /** Delete for good the engagements waiting out an Undo window (all, or these ids); returns how many. */
  finishRemovals(ids?: string[]): number {
    return this.db.transaction(() => {
      const due = this.q.pending.all().filter((p) => !ids || ids.includes(p.id))
      for (const p of due) {
        this.q.delete.run(p.id)
        logChange(this.db, p.id, 'engagement', 'removed', { domain: p.domain })
        this.mine.delete(p.id)
      }
      return due.length
    })()
  }

  /**
   * Allowing checks into private addresses is a decision the evidence must show: each change of
   * the list is an evidence item in the engagement's chain (what is allowed now, and before).
   */
  private recordPrivateTargets(id: string, before: string[], after: string[]): void {
    if (JSON.stringify(before) === JSON.stringify(after)) return
    const label = after.length ? `Checks may reach these private targets: ${after.join(', ')}` : 'Checks may reach no private target'
    this.evidence.append(id, [{ kind: 'engagement.private-targets', label, data: { privateTargets: after, previous: before } }])
  }

  private writeHosts(id: string, hosts: Host[]): void {
    hosts.forEach((h, i) => this.q.insertHost.run(id, h.name, h.role, i))
  }
}

function toEngagement(r: Row, hosts: Host[]): Engagement {
  return {
    id: r.id,
    clientName: r.client_name,
    founderName: r.founder_name,
    founderEmail: r.founder_email,
    domain: r.domain,
    stage: r.stage as Engagement['stage'],
    vertical: r.vertical as Engagement['vertical'],
    notes: r.notes,
    hosts,
    // Read defensively: an imported file may carry anything in these columns.
    dkimSelectors: storedList(r.dkim_selectors, normalizeSelector, MAX_DKIM_SELECTORS),
    routes: storedList(r.routes, normalizeRoute, MAX_ROUTES),
    privateTargets: storedList(r.private_targets, normalizePrivateTarget, MAX_PRIVATE_TARGETS),
    repos: storedList(r.repos, normalizeRepo, MAX_REPOS),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}
