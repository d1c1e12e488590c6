import { fork, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { NetworkProfile } from '../../electron/core/net/profile'

/** What the engine needs to audit one lab hosted in another process. */
export interface RemoteLab {
  profile: NetworkProfile
  credentials: Record<string, string>
  repos: Record<string, string>
  domain: string
  hosts: string[]
}

export interface LabHost {
  labs: RemoteLab[]
  /** RSS of the lab process once its labs were up, in MB. */
  rssMb: number
  close(): Promise<void>
}

const SCRIPT = join(__dirname, 'fixtures', 'lab-host.cjs')
const BUNDLE = resolve(__dirname, '../../out/main/engine.js')

/**
 * Start `count` sandbox labs in a child process (fork of fixtures/lab-host.cjs, which runs the
 * built bundle), so that the engine under test shares its process with nothing but the test
 * runner. Needs `electron-vite build` first (`npm run bench` does it).
 */
export async function startLabHost(scenario: string, count: number, latencyMs = 0): Promise<LabHost> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run "npm run bench" (it builds first)`)
  const child = fork(SCRIPT, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const reply = <T>(key: string) => waitFor<T>(child, key, 120_000)
  child.send({ start: { scenario, count, latencyMs } })
  const { labs, rssMb } = await reply<{ labs: RemoteLab[]; rssMb: number }>('labs')
  return {
    labs,
    rssMb,
    async close() {
      if (child.exitCode !== null) return
      child.send({ close: true })
      await reply('closed').catch(() => child.kill('SIGKILL'))
    },
  }
}

/** The next message of the child that has `key` (rejects on an error message, exit or timeout). */
export function waitFor<T>(child: ChildProcess, key: string, ms: number, who = 'lab host'): Promise<T> {
  return new Promise((ok, fail) => {
    const done = () => {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
    }
    const onMessage = (m: Record<string, unknown>) => {
      if (m.error) {
        done()
        fail(new Error(`${who}: ${String(m.error)}`))
      } else if (key in m) {
        done()
        ok(m as T)
      }
    }
    const onExit = (code: number | null) => {
      done()
      fail(new Error(`${who} exited (${code}) before "${key}"`))
    }
    const timer = setTimeout(() => {
      done()
      child.kill('SIGKILL')
      fail(new Error(`${who}: no "${key}" within ${ms} ms`))
    }, ms)
    child.on('message', onMessage)
    child.on('exit', onExit)
  })
}
