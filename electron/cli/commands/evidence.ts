import type { Command } from 'commander'
import { CliExit, EXIT, type CliContext } from '../context'

export function register(program: Command, ctx: CliContext): void {
  const ev = program.command('evidence').description('the tamper-evident evidence log')
  ev.command('verify')
    .description('walk each engagement’s hash chain and report the first broken link')
    .option('--engagement <ref>', 'only this engagement (id, prefix or domain)')
    .option('--json', 'print JSON only')
    .action(async (o: { engagement?: string; json?: boolean }) => {
      const { workspace } = ctx.core()
      const list = o.engagement ? [workspace.engagements.get(o.engagement)] : workspace.engagements.list()
      const results = list.map((e) => ({ engagement: e.domain, id: e.id, ...workspace.evidence.verify(e.id) }))
      const bad = results.filter((r) => !r.ok)
      if (o.json) ctx.out.json({ ok: bad.length === 0, engagements: results })
      else {
        if (!results.length) ctx.out.line('No engagements in this workspace.')
        for (const r of results) {
          ctx.out.line(r.ok ? `✓ ${r.engagement}: ${r.count} evidence items, chain intact (head ${r.head.slice(0, 16)}…)` : `✗ ${r.engagement}: ${r.reason} — ${r.count} items verified before it`)
        }
      }
      if (bad.length) throw new CliExit(EXIT.failed, '')
    })
}
