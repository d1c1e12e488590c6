import { useEffect, useId, useState } from 'react'
import { useActions } from '../../hooks/useStore'

/**
 * A sprint template to choose (resources/templates) and the button that starts the 48-hour clock
 * with it: the same choice on the sprint board and on the engagement's dashboard.
 */
export function TemplateStart() {
  const { startSprint, listTemplates } = useActions()
  const id = useId()
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
    <div className="start-sprint">
      <label className="field" htmlFor={id}>
        <span>Template</span>
        <select id={id} className="input" value={choice} onChange={(e) => setChoice(e.target.value)} disabled={!templates?.length}>
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
  )
}
