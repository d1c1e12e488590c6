import { z } from 'zod'
import { dohProblem, parseConnectTo, resolverProblem } from '../network'
import { method, none } from './method'

/** Where the network profile under the saved settings comes from. */
export type ProfileBase = 'system' | 'sandbox'

const problemCheck = (problem: (s: string) => string | null) => (s: string, ctx: z.RefinementCtx) => {
  const p = problem(s)
  if (p) ctx.addIssue({ code: 'custom', message: p })
}
const connectToProblem = (s: string) => {
  try {
    parseConnectTo(s)
    return null
  } catch (e) {
    return e instanceof Error ? e.message.replace(/^--connect-to /, '') : String(e)
  }
}

const ms = (min: number, max: number) =>
  z
    .number({ error: 'enter a number' })
    .int('a whole number of milliseconds')
    .min(min, `at least ${min} ms (${min / 1000} s)`)
    .max(max, `at most ${max} ms (${max / 1000} s)`)

/**
 * (contract) The workspace's network settings: how checks reach the internet and how politely.
 * Empty resolvers and no DoH mean "the system's resolvers" (or the sandbox's, under serve --lab).
 */
export const networkSettingsSchema = z
  .object({
    resolvers: z.array(z.string().trim().min(1).max(60).superRefine(problemCheck(resolverProblem))).max(8),
    doh: z.union([z.literal(''), z.string().trim().max(500).superRefine(problemCheck(dohProblem))]),
    connectTo: z.array(z.string().trim().min(1).max(600).superRefine(problemCheck(connectToProblem))).max(50),
    perHostConcurrency: z.number({ error: 'enter a number' }).int('a whole number').min(1, 'at least 1').max(16, 'at most 16'),
    timeouts: z
      .object({
        dnsMs: ms(200, 30_000),
        connectMs: ms(500, 60_000),
        requestMs: ms(1_000, 120_000),
        checkMs: ms(2_000, 300_000),
      })
      .strict(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.doh && v.resolvers.length) ctx.addIssue({ code: 'custom', path: ['doh'], message: 'use resolvers or DNS-over-HTTPS, not both' })
    const t = v.timeouts
    if (t.checkMs < t.requestMs) ctx.addIssue({ code: 'custom', path: ['timeouts', 'checkMs'], message: 'a check needs at least as long as one request' })
  })

export type NetworkSettings = z.output<typeof networkSettingsSchema>

export interface SettingsInfo {
  /** What is saved in this workspace (the defaults when nothing is). */
  network: NetworkSettings
  defaults: NetworkSettings
  /** Whether anything differs from the defaults. */
  customised: boolean
  updatedAt: string | null
  /** What the saved settings sit on: the system's network, or a sandbox started by serve --lab. */
  base: ProfileBase
  /** What checks use right now: the saved settings over the base. */
  effective: { resolvers: string[]; doh: string; connectTo: string[]; perHostConcurrency: number; timeouts: NetworkSettings['timeouts']; offline: boolean }
}

export const testNetworkSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(253)
      .regex(/^[a-z0-9_.-]+$/i, 'a host name, like www.example.com'),
    port: z.number().int().min(1).max(65535).default(443),
  })
  .strict()

/** One preflight: the name resolved through the profile, and where a connection would go. */
export interface NetworkTestReport {
  name: string
  dns: { ok: boolean; via: string; addresses: string[]; cnames: string[]; ms: number; error?: string }
  /** The connect-to rule that applies to name:port, in curl syntax, if one does. */
  rule: string | null
  connect: { ok: boolean; host: string; port: number; ms: number; error?: string }
}

/** Workspace settings: the network profile and politeness limits checks run with. */
export const settingsMethods = {
  getSettings: method<typeof none, SettingsInfo>(none),
  saveNetworkSettings: method<typeof networkSettingsSchema, SettingsInfo>(networkSettingsSchema),
  resetNetworkSettings: method<typeof none, SettingsInfo>(none),
  testNetwork: method<typeof testNetworkSchema, NetworkTestReport>(testNetworkSchema),
  /** Show the workspace folder with the OS (desktop app only). */
  showWorkspaceFolder: method<typeof none, { opened: true } | { unsupported: true }>(none),
  /** Pick another workspace folder (a native dialog) and restart there (desktop app only). */
  changeWorkspace: method<typeof none, { unsupported: true } | { cancelled: true } | { dir: string; relaunching: true }>(none),
}
