import type { Command } from 'commander'
import { getRunbook, loadRunbooks } from '../../core/runbooks/catalog'
import { fillRunbook, formatRunbook } from '../../core/runbooks/render'
import { runbookValuesFor } from '../../core/runbooks/facts'
import type { CliContext } from '../context'
import { runInteractive } from '../runbook-run'

export function register(program: Command, ctx: CliContext): void {
  const rb = program.command('runbook').description('guided recovery runbooks')

  rb.command('list')
    .description('the recovery runbooks')
    .option('--json', 'print JSON only')
    .action((o: { json?: boolean }) => {
      const list = loadRunbooks()
      if (o.json) return ctx.out.json(list.map((r) => ({ id: r.id, title: r.title, summary: r.summary, severity: r.severity, steps: r.steps.length })))
      for (const r of list) ctx.out.line(`${r.id.padEnd(26)} ${r.title}`)
    })

  rb.command('show <id>')
    .description('print a runbook, filled in for an engagement when given')
    .option('--engagement <ref>', 'fill placeholders from this engagement')
    .option('--json', 'print JSON only')
    .action((id: string, o: { engagement?: string; json?: boolean }) => {
      const ws = o.engagement ? ctx.core().workspace : null
      const e = ws && o.engagement ? ws.engagements.get(o.engagement) : null
      const filled = fillRunbook(getRunbook(id), e, ws && e ? runbookValuesFor(ws, e) : {})
      if (o.json) ctx.out.json(filled)
      else ctx.out.line(formatRunbook(filled))
    })

  rb.command('run <id>')
    .description('follow a runbook step by step in this terminal (resumes an unfinished run)')
    .requiredOption('--engagement <ref>', 'the engagement it is for')
    .option('--by <name>', 'who is following it')
    .option('--lab <scenario>', 'run verify steps against a sandbox scenario')
    .action(async (id: string, o: { engagement: string; by?: string; lab?: string }) => {
      await runInteractive(ctx, id, o)
    })
}
