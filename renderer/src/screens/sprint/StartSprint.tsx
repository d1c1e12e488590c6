import { useEffect, useState } from 'react'
import { useActions } from '../../hooks/useStore'

/** No sprint yet: choose the plan's template (resources/templates) and start the 48-hour clock. */
export function StartSprint() {
  const { startSprint, listTemplates } = useActions()
  const [templates, setTemplates] = useState<{ id: string; title: string }[] | null>(null)
  const [choice, setChoice] = useState('')
  useEffect(() => {
    let live = true
    void listTemplates().then((t) => {
      if (!live) return
      setTemplates(t)
      setChoice((c) => c || t[0]?.id || '')
    })
    return () => {
      live = false
    }
  }, [listTemplates])
  return (
    <div className="empty">
      <h2>No sprint yet</h2>
      <p className="muted">Start the 48-hour sprint to get the plan: four blocks, every stage, every item.</p>
      <div className="start-sprint">
        <label className="field" htmlFor="sprint-template">
          <span>Template</span>
          <select id="sprint-template" className="input" value={choice} onChange={(e) => setChoice(e.target.value)} disabled={!templates?.length}>
            {(templates ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-primary" onClick={() => void startSprint(choice || undefined)}>
          Start sprint
        </button>
      </div>
    </div>
  )
}
