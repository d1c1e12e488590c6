import type { lintSource as LintSourceFn } from '@secretlint/core'
import type { creator as PresetCreator } from '@secretlint/secretlint-rule-preset-recommend'
import type { RawMatch } from './types'

type LintSource = typeof LintSourceFn
type Preset = typeof PresetCreator

let loaded: Promise<{ lintSource: LintSource; creator: Preset }> | undefined

/**
 * secretlint is ESM-only: load it once with a dynamic import (works from the CJS bundle).
 * Its profiler marks every rule run on the global performance timeline and keeps every mark and
 * measure in arrays it searches on each new one: memory and CPU that grow for as long as the app
 * runs (a 48-hour sprint). We never read the profile, so it gets a performance that records nothing.
 */
function load(): Promise<{ lintSource: LintSource; creator: Preset }> {
  loaded ??= Promise.all([import('@secretlint/core'), import('@secretlint/secretlint-rule-preset-recommend'), import('@secretlint/profiler')]).then(
    ([core, preset, profiler]) => {
      const kept = profiler.secretLintProfiler as unknown as { perf: typeof SILENT_PERFORMANCE }
      kept.perf = SILENT_PERFORMANCE
      return { lintSource: core.lintSource, creator: preset.creator }
    },
  )
  return loaded
}

const SILENT_PERFORMANCE = { mark: () => undefined, measure: () => undefined }

let warm: Promise<unknown> | undefined

/**
 * Load secretlint and run it once now (loading and the first lint take about a second), so the
 * first finished check of a run does not wait for it. Resolves when warm; failures surface on
 * first use instead.
 */
export function preloadSecretlint(): Promise<unknown> {
  warm ??= secretlintMatches('warm-up', 'warm-up.txt').catch(() => undefined)
  return warm
}

/** Short titles for the preset's rules, so we never show secretlint's own messages (they echo source). */
const TITLES: Record<string, string> = {
  aws: 'AWS credential',
  gcp: 'Google Cloud service account key',
  azure: 'Azure credential',
  privatekey: 'Private key',
  npm: 'npm token',
  basicauth: 'Password in a URL (basic auth)',
  'database-connection-string': 'Database connection string with a password',
  slack: 'Slack token',
  sendgrid: 'SendGrid API key',
  shopify: 'Shopify token',
  github: 'GitHub token',
  openai: 'OpenAI API key',
  anthropic: 'Anthropic API key',
  linear: 'Linear API key',
  '1password': '1Password service account token',
  // added with secretlint 13
  stripe: 'Stripe secret key',
  cloudflare: 'Cloudflare API token',
  vercel: 'Vercel token',
  gitlab: 'GitLab access token',
  grafana: 'Grafana token',
  notion: 'Notion integration token',
  docker: 'Docker Hub access token',
  huggingface: 'Hugging Face access token',
  groq: 'Groq API key',
  databricks: 'Databricks access token',
  figma: 'Figma access token',
  tailscale: 'Tailscale API key',
  'hashicorp-vault': 'HashiCorp Vault token',
}

function titleFor(ruleId: string): string {
  const short = ruleId.replace(/^@secretlint\/secretlint-rule-/, '')
  return TITLES[short] ?? `${short} secret`
}

/**
 * Lint one text with secretlint's recommended preset. Only rule ids and ranges are used: the
 * messages can contain the raw secret, so they are dropped here and never stored or printed.
 */
export async function secretlintMatches(content: string, filePath: string): Promise<RawMatch[]> {
  const { lintSource, creator } = await load()
  const r = await lintSource({
    source: { content, filePath, contentType: 'text' },
    options: {
      maskSecrets: true,
      noPhysicFilePath: true,
      config: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator }] },
    },
  })
  return r.messages
    .filter((m) => m.type === 'message')
    .map((m) => ({ rule: m.ruleId, title: titleFor(m.ruleId), severity: 'fail' as const, start: m.range[0], end: m.range[1], opaque: true }))
}
