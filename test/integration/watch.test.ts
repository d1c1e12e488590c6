import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engagementCreateSchema } from '@shared/schemas/engagement'
import { tempDir } from '../helpers/tmp'
import { BIN, ROOT, handover, runCli } from '../helpers/cli'
import { consultantStore } from '../helpers/identity'
import { EventBus } from '../../electron/core/events'
import { openWorkspace } from '../../electron/core/workspace'
import { runAudit } from '../../electron/core/checks/runner'
import { createBundle } from '../../electron/core/handover/bundle/build'
import { loadScenario, startLab } from '../../electron/lab'
import { startInbox, type Inbox } from '../../electron/lab/inbox'
import { NOTIFY_ENV } from '../../electron/core/watch'

const tmp = tempDir('handover-watch-')
const ws = join(tmp.dir, 'ws')
const file = join(tmp.dir, 'scenario.yaml')
let inbox: Inbox

/** Run the CLI with notification settings in the environment (as a scheduler's secrets would be). */
async function watch(args: string[], env: Record<string, string>) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
  Object.assign(process.env, env)
  try {
    return await runCli(ws, ['watch', ...args])
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

// Watching after the handover, on the sandbox: a bundle whose app certificate had 25 days left and
// whose domain had 45 (both "attention" already at handover, so no drift), then a DNS change.
// Notifications go to a real SMTP server (smtp-server) and a webhook receiver on loopback.
describe('handover watch: alerts once, then reminders, to email and a Slack-compatible webhook', () => {
  let env: Record<string, string>
  beforeAll(async () => {
    const scenario = loadScenario('healthy')
    scenario.web.hosts.app.cert = { kind: 'expiring', days: 25 }
    scenario.providers!.rdap!.domains[0].expiresInDays = 45
    scenario.fixes = { 'move-app': { dns: { zones: { 'tidy.example': { records: [{ name: 'app', type: 'A', data: '127.0.80.99' }] } } } } }
    writeFileSync(file, stringify(scenario))
    const lab = await startLab(scenario)
    const w = openWorkspace(ws)
    try {
      const engagement = w.engagements.create(engagementCreateSchema.parse({ domain: 'tidy.example', hosts: ['www', 'app'] }))
      await runAudit({ workspace: w, events: new EventBus(), engagement, profile: lab.profile, checkIds: ['dns.hosts', 'tls.cert', 'reg.domain', 'http.https'] })
      await createBundle({ workspace: w, engagement, outDir: join(tmp.dir, 'bundles', 'tidy'), secrets: await consultantStore(w) })
    } finally {
      w.close()
      await lab.close()
    }
    inbox = await startInbox()
    env = { HANDOVER_WEBHOOK_URL: inbox.webhookUrl, HANDOVER_SMTP_URL: inbox.smtpUrl, HANDOVER_MAIL_FROM: 'watch@handover.example', HANDOVER_MAIL_TO: 'founder@tidy.example, ops@tidy.example' }
  }, 120_000)
  afterAll(async () => {
    await inbox?.close()
    tmp.cleanup()
  })

  it('two runs in a row deliver one email and one webhook, not two; a week later, one reminder', async () => {
    const first = await watch(['--lab', file, '--fix', 'move-app', '--json'], env)
    expect(first.code, first.stdout + first.stderr).toBe(0)
    const r1 = JSON.parse(first.stdout)
    expect(r1.delivered).toEqual({ webhook: 3, email: 3 })
    expect(r1.alerts.map((a: { kind: string; status: string }) => `${a.kind} ${a.status}`).sort()).toEqual(['cert-expiry new', 'domain-expiry new', 'regression new'])
    expect(inbox.mails).toHaveLength(1)
    expect(inbox.hooks).toHaveLength(1)
    const mail = inbox.mails[0]
    expect(mail.subject).toBe('Handover watch: 3 new alerts for tidy.example')
    expect(mail.to).toEqual(['founder@tidy.example', 'ops@tidy.example'])
    expect(mail.text).toMatch(/app now points to 127\.0\.80\.99 \(at handover: 127\.0\.80\.12\)/)
    expect(mail.text).toMatch(/The certificate for app expires in 2[45] days/)
    expect(mail.text).toMatch(/The domain tidy\.example expires in 4[45] days/)
    const hook = JSON.parse(inbox.hooks[0].body) as { text: string }
    expect(inbox.hooks[0].contentType).toBe('application/json')
    expect(hook.text).toMatch(/^\*Handover watch: 3 new alerts for tidy\.example\*\n/)
    expect(hook.text).toMatch(/• \[Regression\] app now points to 127\.0\.80\.99/)

    const second = await watch(['--lab', file, '--fix', 'move-app'], env)
    expect(second.code, second.stderr).toBe(0)
    expect(second.stdout).toMatch(/3 open alerts \(0 new, 0 reminders due\)/)
    expect(second.stdout).toMatch(/^Delivered: webhook 0, email 0\.$/m)
    expect(inbox.mails).toHaveLength(1)
    expect(inbox.hooks).toHaveLength(1)

    // A week passes (the state's clock is moved back, as a scheduler would find it): a reminder, once.
    const w = openWorkspace(ws)
    w.db.prepare("UPDATE watch_alerts SET sent_webhook = ?, sent_email = ?").run(new Date(Date.now() - 8 * 86_400_000).toISOString(), new Date(Date.now() - 8 * 86_400_000).toISOString())
    w.close()
    expect((await watch(['--lab', file, '--fix', 'move-app'], env)).code).toBe(0)
    expect((await watch(['--lab', file, '--fix', 'move-app'], env)).code).toBe(0)
    expect(inbox.mails).toHaveLength(2)
    expect(inbox.mails[1].subject).toBe('Handover watch: 3 reminders for tidy.example')
    expect(inbox.mails[1].text).toMatch(/\[Regression, still open since \d{4}-\d\d-\d\d\]/)
    expect(inbox.hooks).toHaveLength(2)
  })

  it('clears an alert that is no longer raised; it alerts again as new when it comes back', async () => {
    const fixed = await watch(['--lab', file, '--json'], env)
    expect(JSON.parse(fixed.stdout).cleared).toEqual(['regression|tidy.example|dns.hosts|app.tidy.example'])
    expect(inbox.mails).toHaveLength(2)
    const back = await watch(['--lab', file, '--fix', 'move-app', '--json'], env)
    expect(JSON.parse(back.stdout).delivered).toEqual({ webhook: 1, email: 1 })
    expect(inbox.mails.at(-1)?.subject).toBe('Handover watch: 1 new alert for tidy.example')
  })

  it('a channel that refuses keeps its alerts due for the next run, without holding the other back; secrets never print', async () => {
    const w = openWorkspace(ws)
    w.db.prepare('DELETE FROM watch_alerts').run()
    w.close()
    const mails = inbox.mails.length
    const hooks = inbox.hooks.length
    const broken = { ...env, HANDOVER_WEBHOOK_URL: inbox.webhookUrl.replace(/hooks\/.*/, 'hooks/wrong-path') }
    const failed = await watch(['--lab', file], broken)
    expect(failed.code).toBe(1)
    expect(failed.stdout).toMatch(/Not delivered \(webhook: the webhook answered HTTP 404\); it will be tried again on the next run\./)
    expect(inbox.mails).toHaveLength(mails + 1)
    expect((await watch(['--lab', file], env)).code).toBe(0)
    expect(inbox.hooks).toHaveLength(hooks + 1)
    expect(inbox.mails).toHaveLength(mails + 1)
    const password = new URL(inbox.smtpUrl).password
    const secretPath = new URL(inbox.webhookUrl).pathname
    const out = await watch(['--lab', file, '--json'], { ...env, HANDOVER_SMTP_URL: inbox.smtpUrl.replace(password, `${password}x`) })
    expect(out.stdout + out.stderr).not.toContain(password)
    expect(out.stdout + out.stderr).not.toContain(secretPath)
    for (const f of ['workspace.sqlite', 'workspace.sqlite-wal']) if (existsSync(join(ws, f))) expect(readFileSync(join(ws, f)).includes(password), f).toBe(false)
  })

  it('bad notification settings exit 2 with one line', async () => {
    const bads: Record<string, string>[] = [{ HANDOVER_WEBHOOK_URL: 'ftp://hooks.example/x' }, { HANDOVER_SMTP_URL: inbox.smtpUrl, HANDOVER_MAIL_FROM: '', HANDOVER_MAIL_TO: 'a@b.example' }, { HANDOVER_SMTP_URL: inbox.smtpUrl, HANDOVER_MAIL_FROM: 'w@h.example', HANDOVER_MAIL_TO: 'not-an-address' }]
    for (const bad of bads) {
      const r = await watch(['--lab', file], bad)
      expect(r.code, JSON.stringify(bad)).toBe(2)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
    }
    expect((await watch(['--remind-days', '-1'], {})).code).toBe(2)
  })

  // Docker cannot run here: the image's own command runs instead, its paths mapped to folders of
  // this machine (/app → the project, /bundles and /workspace → temporary folders).
  it("the Dockerfile's command watches a folder of bundles; the workflow runs the image with the same paths and variables", async () => {
    const image = dockerfile(readFileSync(join(ROOT, 'resources/watch/Dockerfile'), 'utf8'))
    expect(image.entrypoint).toEqual(['node', '/app/bin/handover.js'])
    expect(image.cmd).toEqual(['watch', '--bundles-dir', '/bundles'])
    expect(image.env.HANDOVER_WORKSPACE).toBe('/workspace')
    for (const src of image.copied) expect(existsSync(join(ROOT, src)), src).toBe(true)
    const paths: Record<string, string> = { '/app': ROOT, '/bundles': join(tmp.dir, 'bundles'), '/workspace': join(tmp.dir, 'container-ws') }
    const map = (v: string) => Object.entries(paths).reduce((x, [from, to]) => (x === from || x.startsWith(`${from}/`) ? to + x.slice(from.length) : x), v)
    const argv = [...image.entrypoint, ...image.cmd].map(map)
    expect(argv.slice(0, 2)).toEqual(['node', BIN])
    const before = inbox.mails.length
    const r = await handover([...argv.slice(2), '--lab', file], { env: { ...Object.fromEntries(Object.entries(image.env).map(([k, v]) => [k, map(v)])), ...env }, timeoutMs: 150_000 })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^Watch: 1 bundle checked, 2 open alerts \(2 new/m)
    expect(inbox.mails).toHaveLength(before + 1)
    expect(existsSync(join(paths['/workspace'], 'workspace.sqlite'))).toBe(true)

    const flow = parse(readFileSync(join(ROOT, 'resources/watch/handover-watch.yml'), 'utf8')) as Workflow
    expect(flow.on.schedule[0].cron.split(' ')).toHaveLength(5)
    const steps = flow.jobs.watch.steps
    const run = steps.find((st) => st.run?.includes('docker run'))!.run!
    expect(run).toContain(`"$PWD/bundles:${image.cmd[2]}:ro"`)
    expect(run).toContain(`"$PWD/.handover-workspace:${image.env.HANDOVER_WORKSPACE}"`)
    expect([...run.matchAll(/-e (\w+)/g)].map((m) => m[1]).sort()).toEqual(Object.values(NOTIFY_ENV).sort())
    const cache = steps.filter((st) => st.uses?.startsWith('actions/cache/'))
    expect(cache.map((st) => st.with?.path)).toEqual(['.handover-workspace', '.handover-workspace'])
  })
})

interface Workflow {
  on: { schedule: { cron: string }[] }
  jobs: { watch: { steps: { uses?: string; run?: string; with?: Record<string, string> }[] } }
}

/** The final stage of a Dockerfile: ENV, ENTRYPOINT and CMD (exec form), and the project paths COPY --from=build takes. */
function dockerfile(text: string): { env: Record<string, string>; entrypoint: string[]; cmd: string[]; copied: string[] } {
  const lines = text.replace(/\\\n/g, ' ').split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'))
  const final = lines.slice(lines.map((l) => l.startsWith('FROM ')).lastIndexOf(true))
  const env: Record<string, string> = {}
  let entrypoint: string[] = []
  let cmd: string[] = []
  const copied: string[] = []
  for (const l of final) {
    const [word, ...rest] = l.trim().split(/\s+/)
    if (word === 'ENV') for (const kv of rest) env[kv.split('=')[0]] = kv.split('=').slice(1).join('=')
    if (word === 'ENTRYPOINT') entrypoint = JSON.parse(rest.join(' ')) as string[]
    if (word === 'CMD') cmd = JSON.parse(rest.join(' ')) as string[]
    if (word === 'COPY' && rest[0] === '--from=build') copied.push(rest[1].replace(/^\/app\//, ''))
  }
  return { env, entrypoint, cmd, copied }
}
