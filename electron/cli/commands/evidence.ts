import type { Command } from 'commander'
import { verifyChain } from '../../core/evidence/coverage'
import { CliExit, EXIT, type CliContext } from '../context'

export function register(program: Command, ctx: CliContext): void {
  const ev = program.command('evidence').description('the tamper-evident evidence log')
  ev.command('verify')
    .description('walk each engagement’s hash chain, its signed anchors and every table it covers; report the first thing that disagrees')
    .option('--engagement <ref>', 'only this engagement (id, prefix or domain)')
    .option('--json', 'print JSON only')
    .action(async (o: { engagement?: string; json?: boolean }) => {
      const { workspace } = ctx.core()
      const list = o.engagement ? [workspace.engagements.get(o.engagement)] : workspace.engagements.list()
      const results = list.map((e) => ({ engagement: e.domain, id: e.id, ...verifyChain(workspace.db, workspace.evidence, e.id) }))
      const bad = results.filter((r) => !r.ok)
      if (o.json) ctx.out.json({ ok: bad.length === 0, engagements: results })
      else {
        if (!results.length) ctx.out.line('No engagements in this workspace.')
        for (const r of results) {
          if (!r.ok) {
            ctx.out.line(`✗ ${r.engagement}: ${r.reason} — ${r.count} items verified before it`)
            continue
          }
          const anchor = r.anchor ? `head of item ${r.anchor.seq} signed ${r.anchor.signedAt} by ${r.anchor.signer.name} (${r.anchor.purpose})` : 'not signed yet (a bundle or an export signs it)'
          ctx.out.line(`✓ ${r.engagement}: ${r.count} evidence items, chain intact and every result, verdict, waiver, item, inventory row and runbook run agrees with it; ${anchor}`)
        }
      }
      if (bad.length) throw new CliExit(EXIT.failed, '')
    })
}
