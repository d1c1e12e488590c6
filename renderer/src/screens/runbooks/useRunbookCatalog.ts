import { useEffect } from 'react'
import { useActions, useApp } from '../../hooks/useStore'

/** The runbook catalog, fetched once when something needs it (something is failing); null until then. */
export function useRunbookCatalog(engagementId: string, needed: boolean) {
  const catalog = useApp((s) => s.runbooks.catalog)
  const { loadRunbooks } = useActions()
  useEffect(() => {
    if (!catalog && needed) void loadRunbooks(engagementId)
  }, [catalog, needed, engagementId, loadRunbooks])
  return catalog
}
