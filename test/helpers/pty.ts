import { spawn, type ChildProcess } from 'node:child_process'

/**
 * Run a command inside a pseudo-terminal (util-linux `script`), so the program sees a TTY, and
 * answer its prompts as a person would: wait for a pattern on screen, then type a line.
 */
export class PtySession {
  private readonly child: ChildProcess
  private screen = ''
  private readonly done: Promise<number | null>

  constructor(command: string[], env: NodeJS.ProcessEnv = process.env) {
    const cmd = command.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')
    this.child = spawn('script', ['-qfec', cmd, '/dev/null'], { env: { ...env, TERM: 'dumb' }, stdio: ['pipe', 'pipe', 'pipe'] })
    this.child.stdout!.on('data', (d: Buffer) => (this.screen += d.toString()))
    this.child.stderr!.on('data', (d: Buffer) => (this.screen += d.toString()))
    this.done = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)))
  }

  get output(): string {
    return this.screen
  }

  /** Wait until the screen (after `from`) matches, bounded in time. */
  async waitFor(pattern: RegExp, from = 0, timeoutMs = 30_000): Promise<number> {
    const t0 = Date.now()
    while (Date.now() - t0 < timeoutMs) {
      const rest = this.screen.slice(from)
      const m = pattern.exec(rest)
      if (m) return from + m.index + m[0].length
      await new Promise((r) => setTimeout(r, 25))
    }
    throw new Error(`timed out waiting for ${pattern}\n--- screen ---\n${this.screen.slice(-2000)}`)
  }

  type(line: string): void {
    this.child.stdin!.write(`${line}\r`)
  }

  async exit(timeoutMs = 30_000): Promise<number | null> {
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs)
    const code = await this.done
    clearTimeout(timer)
    return code
  }
}
