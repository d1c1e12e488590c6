import { describe, expect, it } from 'vitest'
import { isServiceRoleJwt, matchPatterns } from '../../../electron/core/secrets/rules'
import { scanText } from '../../../electron/core/secrets/scanner'

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
const jwt = (payload: unknown) => `eyJ${b64({ alg: 'HS256', typ: 'JWT' }).slice(3)}.${b64(payload)}.c2lnbmF0dXJlLXNpZ25hdHVyZQ`

// Built at run time so this file never holds a whole live-looking key.
const K = {
  stripe: 'sk_live_' + '51HqZk2Lm9Np4Rt7Vw1Yb3Cd5Ef',
  restricted: 'rk_live_' + '51HqZk2Lm9Np4Rt7Vw1Yb3Cd5Ef',
  openai: 'sk-proj-' + 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z',
  anthropic: 'sk-ant-api03-' + 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z',
  slack: 'xoxb-' + '123456789012-123456789012-Ab3dEf6hIj9kLm2n',
  github: 'ghp_' + 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z9876',
  google: 'AIza' + 'SyAb3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z1',
  aws: 'AKIA' + 'Q3EGRTYUP7LMNBVC',
}

describe('pattern rules', () => {
  it.each(Object.entries(K))('finds %s', (_name, key) => {
    const m = matchPatterns(`const k = "${key}"`)
    expect(m.length).toBe(1)
  })

  it('tells a Supabase service-role JWT from the public anon key', () => {
    expect(isServiceRoleJwt(jwt({ iss: 'supabase', role: 'service_role' }))).toBe(true)
    expect(isServiceRoleJwt(jwt({ iss: 'supabase', role: 'anon' }))).toBe(false)
    expect(matchPatterns(`x=${jwt({ role: 'service_role' })}`)).toHaveLength(1)
    expect(matchPatterns(`x=${jwt({ role: 'anon' })}`)).toHaveLength(0)
  })

  it('finds a private key, also inside a JS string with \\n escapes', () => {
    const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7'
    expect(matchPatterns(`-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----`)).toHaveLength(1)
    expect(matchPatterns(`const k="-----BEGIN RSA PRIVATE KEY-----\\n${body}\\n"`)).toHaveLength(1)
    // A mention without key material is not a key.
    expect(matchPatterns('look for -----BEGIN PRIVATE KEY----- in logs')).toHaveLength(0)
  })

  it('ignores placeholders, publishable keys and CSS-like identifiers', () => {
    expect(matchPatterns('sk_live_' + 'EXAMPLEEXAMPLEEXAMPLE1234')).toHaveLength(0)
    expect(matchPatterns('pk_live_' + '51HqZk2Lm9Np4Rt7Vw1Yb3Cd5Ef')).toHaveLength(0)
    expect(matchPatterns('class="task-list-item-checkbox-container-wide"')).toHaveLength(0)
    expect(matchPatterns('sk-' + 'some-long-css-class-name-here')).toHaveLength(0)
  })
})

describe('scanText', () => {
  it('reports rule, path, line, column and a masked value, never the raw secret', async () => {
    const text = `line one\nconst stripe = "${K.stripe}"\nconst gh = '${K.github}'\n`
    const f = await scanText(text, 'src/pay.ts')
    const stripe = f.find((x) => x.rule === 'stripe-live-key')!
    expect(stripe).toMatchObject({ path: 'src/pay.ts', line: 2, column: 17, severity: 'fail', masked: 'sk_l…[redacted]' })
    expect(f.some((x) => x.line === 3)).toBe(true)
    const json = JSON.stringify(f)
    for (const k of Object.values(K)) expect(json).not.toContain(k)
  })

  it('uses secretlint for what it covers (AWS secret access key) and masks its output', async () => {
    const secretKey = 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYz9Qw3Tq8Lm'
    const text = `AWS_SECRET_ACCESS_KEY=${secretKey}\n`
    const f = await scanText(text, '.env')
    expect(f.length).toBeGreaterThan(0)
    expect(f.some((x) => x.rule.startsWith('@secretlint/') && x.line === 1)).toBe(true)
    expect(JSON.stringify(f)).not.toContain(secretKey)
  })

  // The rules secretlint 13's preset added over 11: each a finding with its own title.
  const HEX = '0123456789abcdef'
  const SECRETLINT_13 = {
    'Stripe secret key': 'sk_test_' + 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1w',
    'Cloudflare API token': 'cfut_' + 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf6h' + HEX.slice(0, 8),
    'Vercel token': 'vcp_' + 'Ab3dEf6hIj9kLm2nOp5qRs8t',
    'GitLab access token': 'glpat-' + 'Ab3dEf6hIj9kLm2nOp5q',
    'Grafana token': 'glsa_' + 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z_' + HEX.slice(8),
    'Notion integration token': 'ntn_' + '12345678901' + 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3',
    'Docker Hub access token': 'dckr_pat_' + 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1',
    'Hugging Face access token': 'hf_' + 'AbcdEfghIjklMnopQrstUvwxYzabCdefGh',
    'Groq API key': 'gsk_' + 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf6hIj9kLm2nOp5q',
    'Databricks access token': 'dapi' + HEX + HEX,
    'Figma access token': 'figd_' + 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf6h',
    'Tailscale API key': 'tskey-api-' + 'kAb3dEf6hI' + '-Ab3dEf6hIj9kLm2nOp5q',
  }
  it.each(Object.entries(SECRETLINT_13))('finds a %s (secretlint 13)', async (title, key) => {
    const f = await scanText(`TOKEN=${key}\n`, '.env')
    expect(f.map((x) => x.title)).toContain(title)
    expect(JSON.stringify(f)).not.toContain(key)
  })

  it('dedupes a key that both scanners find, and skips binary content', async () => {
    const f = await scanText(`token: ${K.github}`, 'a.yml')
    expect(f).toHaveLength(1)
    expect(await scanText(`\u0000\u0001${K.stripe}`, 'a.bin')).toEqual([])
  })

  it('returns nothing for clean text', async () => {
    expect(await scanText('export const hello = "world"\n', 'a.ts')).toEqual([])
  })
})
