import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import type { Lab } from '../../../electron/lab'

export interface ToolResult {
  code: number
  stdout: string
  stderr: string
}

/** Run a standard tool with a bounded time; a non-zero exit is a result, not an exception. */
export function tool(cmd: string, args: string[], opts: { timeoutMs?: number; input?: string } = {}): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? -1, stdout, stderr })
    })
    // s_client and friends wait for stdin: give them its end at once.
    child.stdin.end(opts.input ?? '')
  })
}

/** dig against one lab server ("127.0.0.1:port"). */
export async function dig(server: string, ...args: string[]): Promise<string> {
  const [host, port] = server.split(':')
  return (await tool('dig', [`@${host}`, '-p', port, '+time=1', '+tries=1', ...args])).stdout
}

export const status = (out: string): string | undefined => /status: (\w+)/.exec(out)?.[1]
export const flags = (out: string): string[] => /flags: ([a-z ]+);/.exec(out)?.[1].trim().split(' ') ?? []

/** The lab server (ip:port on loopback) that plays a nameserver name. */
export function nsAddr(lab: Lab, name: string): string {
  const ns = lab.endpoints.nameservers.find((n) => n.names.includes(name))
  if (!ns) throw new Error(`no lab nameserver ${name}`)
  return `127.0.0.1:${ns.port}`
}

/** curl with every lab --connect-to rule and the lab CA trusted. */
export async function curl(lab: Lab, caFile: string, ...args: string[]): Promise<ToolResult> {
  const ct = lab.endpoints.connectTo.flatMap((c) => ['--connect-to', c])
  return tool('curl', ['-sS', '--cacert', caFile, '--max-time', '10', ...ct, ...args])
}

/** Write the lab CA to a file curl and openssl can read. */
export function writeCa(lab: Lab, file: string): string {
  writeFileSync(file, lab.endpoints.caPem)
  return file
}

/** openssl s_client against a lab host's HTTPS port; prints the peer certificate. */
export async function sClient(port: number, servername: string, caFile: string, ...extra: string[]): Promise<ToolResult> {
  return tool('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', servername, '-CAfile', caFile, '-verify_hostname', servername, ...extra], { timeoutMs: 10_000 })
}

/** Header value from a curl -D - dump (last response). */
export function header(dump: string, name: string): string | undefined {
  const blocks = dump.split(/\r?\n\r?\n/).filter((b) => /^HTTP\//.test(b))
  const last = blocks[blocks.length - 1] ?? ''
  return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(last)?.[1]?.trim()
}
