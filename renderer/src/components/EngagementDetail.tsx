import { useEffect } from 'react'
import { STAGE_LABELS, VERTICAL_LABELS } from '@shared/schemas/engagement-values'
import { useActions, useApp } from '../hooks/useStore'
import { label } from '../store/engagements'
import { relativeHost } from '../store/form'
import { fullDate, plural, relativeTime } from '../lib/format'
import { Icon } from './Icon'
import { ExportButton } from './TransferButtons'
import { CheckSettingsCard } from './CheckSettingsCard'
import { ProbesCard } from './ProbesCard'
import { OfflineQueue } from './OfflineQueue'
import { StagePill } from './StagePill'

/** One engagement: who, what, which hosts; edit and delete from here. */
export function EngagementDetail({ id }: { id: string }) {
  const e = useApp((s) => s.engagements.items.find((x) => x.id === id))
  const { navigate, openEdit, askRemove } = useActions()
  const title = e ? label(e) : null
  useEffect(() => {
    if (!title) return
    document.title = `${title} · Handover Console`
    return () => void (document.title = 'Handover Console')
  }, [title])
  if (!e) return null
  return (
    <>
      <a
        href="#/engagements"
        className="back"
        onClick={(ev) => {
          ev.preventDefault()
          navigate({ name: 'engagements' })
        }}
      >
        <Icon name="back" /> Engagements
      </a>
      <div className="page-head">
        <div>
          <h1 id="page-title">{label(e)}</h1>
          <p className="muted subtitle">
            <span className="mono">{e.domain}</span>
            <StagePill stage={e.stage} />
          </p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn" onClick={() => openEdit(e.id)} aria-keyshortcuts="E">
            <Icon name="edit" /> Edit
          </button>
          <ExportButton id={e.id} />
          <button type="button" className="btn btn-danger-ghost" onClick={() => askRemove(e.id)}>
            <Icon name="trash" /> Delete
          </button>
        </div>
      </div>
      <div className="detail-grid">
        <OfflineQueue engagementId={e.id} />
        <section className="card" aria-labelledby="h-founder">
          <h2 id="h-founder" className="card-title">Founder</h2>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{e.founderName || <span className="muted">Not recorded</span>}</dd>
            <dt>Email</dt>
            <dd>{e.founderEmail ? <span className="mono">{e.founderEmail}</span> : <span className="muted">Not recorded</span>}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="h-profile">
          <h2 id="h-profile" className="card-title">Sprint profile</h2>
          <dl className="facts">
            <dt>Stage</dt>
            <dd>{STAGE_LABELS[e.stage]}</dd>
            <dt>Vertical</dt>
            <dd>{VERTICAL_LABELS[e.vertical]}</dd>
            <dt>Created</dt>
            <dd title={fullDate(e.createdAt)}>{fullDate(e.createdAt)}</dd>
            <dt>Updated</dt>
            <dd title={fullDate(e.updatedAt)}>{relativeTime(e.updatedAt)}</dd>
          </dl>
        </section>
        <section className="card span-2" aria-labelledby="h-hosts">
          <h2 id="h-hosts" className="card-title">
            Declared hosts <span className="muted small">{plural(e.hosts.length, 'host')}</span>
          </h2>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">Host</th>
                <th scope="col">Label</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {e.hosts.map((h) => (
                <tr key={h.name}>
                  <td className="mono">{h.name}</td>
                  <td className="mono muted">{relativeHost(h.name, e.domain)}</td>
                  <td>
                    <span className={`role role-${h.role}`}>{h.role}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <CheckSettingsCard e={e} />
        <ProbesCard engagementId={e.id} domain={e.domain} />
        <section className="card span-2" aria-labelledby="h-notes">
          <h2 id="h-notes" className="card-title">Notes</h2>
          {e.notes ? <p className="notes">{e.notes}</p> : <p className="muted">No notes yet. Use Edit to record context, constraints and who to call.</p>}
        </section>
      </div>
    </>
  )
}
