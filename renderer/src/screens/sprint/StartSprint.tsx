import { TemplateStart } from './TemplateStart'

/** No sprint yet: choose the plan's template and start the 48-hour clock. */
export function StartSprint() {
  return (
    <div className="empty">
      <h2>No sprint yet</h2>
      <p className="muted">Start the 48-hour sprint to get the plan: four blocks, every stage, every item.</p>
      <TemplateStart />
    </div>
  )
}
