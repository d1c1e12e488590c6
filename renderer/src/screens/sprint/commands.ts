import type { AppActions } from '../../store'
import type { Command } from '../../store/commands'

/** Sprint board actions for the command palette (same keys as on the board). */
export function sprintCommands(a: AppActions): (Command & { run(): void })[] {
  const focused = () => document.querySelector<HTMLElement>('.item.focused')?.dataset.item ?? null
  return [
    { id: 'sprint-run', title: 'Run everything', shortcut: 'R', keywords: 'sprint checks audit all', run: () => void a.runSprint({}) },
    { id: 'sprint-failed', title: 'Re-run failed items', shortcut: 'F', keywords: 'sprint retry', run: () => void a.runSprint({ failed: true }) },
    { id: 'sprint-cancel', title: 'Cancel the run', keywords: 'stop abort', run: () => void a.cancelRun() },
    {
      id: 'sprint-waive',
      title: 'Waive the focused item…',
      shortcut: 'W',
      keywords: 'accept risk',
      run: () => {
        const id = focused()
        if (id) a.askWaive(id)
      },
    },
    {
      id: 'sprint-open',
      title: 'Open the focused item',
      shortcut: 'Enter',
      run: () => {
        const id = focused()
        if (id) a.openItem(id)
      },
    },
  ]
}
