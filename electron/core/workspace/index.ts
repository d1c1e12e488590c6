import { openDatabase, type Db, type OpenOptions } from './db'
import { EngagementRepo } from './engagements'
import { EvidenceStore } from '../evidence/store'
import { defaultWorkspaceDir, resolveWorkspaceDir } from './paths'
import { preparePrivateWorkspace } from './private'

/** An open workspace: its folder, its database and the repositories over it. */
export interface Workspace {
  dir: string
  db: Db
  engagements: EngagementRepo
  evidence: EvidenceStore
  close(): void
}

/** Open the workspace in `dir` (or the default location), creating it on first use; its files are private to this user. */
export function openWorkspace(dir?: string, opts: OpenOptions = {}): Workspace {
  const resolved = dir === ':memory:' ? dir : resolveWorkspaceDir(dir)
  if (resolved !== ':memory:') preparePrivateWorkspace(resolved, { ownFolder: resolved === defaultWorkspaceDir() })
  const db = openDatabase(resolved, opts)
  const engagements = new EngagementRepo(db)
  // an Undo window never outlives the process that offered it: a deletion left by a crash is final
  engagements.finishStaleRemovals()
  return {
    dir: resolved,
    db,
    engagements,
    evidence: new EvidenceStore(db),
    close: () => {
      if (!db.open) return
      try {
        engagements.finishOwnRemovals()
      } finally {
        db.close()
      }
    },
  }
}
