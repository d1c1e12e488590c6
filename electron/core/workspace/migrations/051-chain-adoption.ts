import type { Migration } from '../migrations'
import type { Db } from '../db'
import { EvidenceStore } from '../../evidence/store'
import { FACT } from '../../evidence/facts'
import { readState } from '../../evidence/coverage/tables'

/**
 * Before this version, sprints, item states, waiver revocations, inventory rows and runbook run
 * positions lived only in their tables. Each engagement's chain adopts them once, as they stand
 * at the upgrade, in one `state.adopted` item; from then on every change is chained as it is
 * made, and `evidence verify` compares the tables with the chain. check_results_evidence lets
 * verify find each check.result item's row without a scan.
 */
export const migration: Migration = {
  id: '051-chain-adoption',
  sql: `CREATE INDEX IF NOT EXISTS check_results_evidence ON check_results(evidence_id);`,
  run: adopt,
}

function adopt(db: Db): void {
  const evidence = new EvidenceStore(db)
  for (const id of db.prepare('SELECT id FROM engagements ORDER BY created_at, id').pluck().all() as string[]) {
    const state = readState(db, id)
    if (!Object.values(state).some((rows) => rows.length)) continue
    evidence.append(id, [{ kind: FACT.adopted, label: 'State recorded before chained state, adopted at upgrade', data: state }])
  }
}
