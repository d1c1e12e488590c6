import { useEffect } from 'react'
import { EngagementDetail } from '../../components/EngagementDetail'
import { useApp } from '../../hooks/useStore'
import { warmPdfWhenIdle } from '../handover/pdfWorker'
import { Dashboard } from './Dashboard'

/** The engagement page: its header, the sprint dashboard, then who and what (EngagementDetail). */
export function EngagementPage({ id }: { id: string }) {
  const exists = useApp((s) => s.engagements.items.some((x) => x.id === id))
  // the handover's pages are one click away: pdf.js gets ready while the person reads this page
  useEffect(warmPdfWhenIdle, [])
  return (
    // the sprint shows first (CSS order); the details below hold nothing focusable, so the tab order still reads top-down
    <div className="eng-page">
      <EngagementDetail id={id} />
      {exists && <Dashboard id={id} />}
    </div>
  )
}
