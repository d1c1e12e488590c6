import type { Command } from 'commander'
import { startServer } from '../../serve/server'
import { writeLaunchFile } from '../../serve/launch'
import { openInBrowser } from '../../serve/open-browser'
import { CliExit, EXIT, type CliContext } from '../context'
import { openNetwork } from '../network'

/** Wait for SIGINT or SIGTERM once. */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const done = (sig: string) => {
      process.off('SIGINT', onInt)
      process.off('SIGTERM', onTerm)
      resolve(sig)
    }
    const onInt = () => done('SIGINT')
    const onTerm = () => done('SIGTERM')
    process.once('SIGINT', onInt)
    process.once('SIGTERM', onTerm)
  })
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('browser mode: the app UI on http://127.0.0.1, opened with a single-use launch address')
    .option('--port <n>', 'port (default: a random free one)', '0')
    .option('--no-open', 'do not open the system browser')
    .option('--lab <scenario>', 'run checks against a sandbox scenario (demo, healthy, hostile or a file)')
    .option('--json', 'print {"url": …} as one JSON line')
    .action(async (o: { port: string; open: boolean; lab?: string; json?: boolean }) => {
      const port = Number(o.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliExit(EXIT.badInput, `--port ${o.port} is not a port number`)
      const { workspace } = program.opts<{ workspace?: string }>()
      const net = await openNetwork({ lab: o.lab })
      let launchFile: ReturnType<typeof writeLaunchFile> | undefined
      // only a sandbox is a fixed profile: otherwise core reads the workspace's network settings per run
      const server = await startServer({
        workspaceDir: workspace,
        port,
        profile: net.lab ? net.profile : undefined,
        credentials: net.credentials,
        // the launch code is spent: the file that carried it has nothing left to give
        onLaunched: () => launchFile?.remove(),
      })
      try {
        const ws = server.core.workspace.dir
        if (o.json) process.stdout.write(JSON.stringify({ url: server.url, workspace: ws }) + '\n')
        else {
          ctx.out.line(`Handover Console (browser mode) is running. Open, in one browser (the address works once):\n  ${server.url}`)
          ctx.out.info(`workspace: ${ws}\nstop with Ctrl+C`)
        }
        if (o.open) {
          // The browser gets a private file that forwards to the launch address: nothing secret on its command line.
          launchFile = writeLaunchFile(server.url)
          if (openInBrowser(launchFile.path)) ctx.out.info('opened in your browser')
          else launchFile.remove()
        }
        if (net.lab) ctx.out.info(`sandbox: ${o.lab} (${net.lab.scenario.domains.join(', ')}); checks reach only the lab on loopback`)
        await untilSignal()
      } finally {
        launchFile?.remove()
        await server.close()
        await net.close()
      }
    })
}
