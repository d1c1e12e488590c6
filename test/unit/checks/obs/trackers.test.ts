import { describe, expect, it } from 'vitest'
import { findTrackers } from '../../../../electron/core/checks/obs/lib/trackers'
import { inlineScripts } from '../../../../electron/core/checks/obs/error-tracking'

const inline = (text: string) => [{ where: 'inline script', text }]

describe('error trackers in a site’s scripts', () => {
  it.each([
    ['Sentry', 'Sentry.init({ dsn: "https://0a1b2c3d4e5f60718293a4b5c6d7e8f9@o450123.ingest.sentry.io/4501234", release: "web@1.2.3" })', 'web@1.2.3', 'https://0a1b2c3d4e5f60718293a4b5c6d7e8f9@o450123.ingest.sentry.io/4501234'],
    ['Bugsnag', 'Bugsnag.start({ apiKey: "0123456789abcdef0123456789abcdef", appVersion: "2.0.1" })', '2.0.1', '0123456789abcdef0123456789abcdef'],
    ['Rollbar', 'var _rollbarConfig = { accessToken: "abcdefabcdefabcdefabcdefabcdef12", payload: { client: { javascript: { code_version: "9f1c2ab" } } } }', '9f1c2ab', 'abcdefabcdefabcdefabcdefabcdef12'],
    ['Datadog RUM', 'DD_RUM.init({ clientToken: "pub0123456789abcdef0123456789abcdef", site: "datadoghq.eu", version: "3.4.0" })', '3.4.0', 'pub0123456789abcdef0123456789abcdef'],
    ['Highlight', 'H.init("abc123xy", { version: "2024.05.1" })', '2024.05.1', 'abc123xy'],
    ['PostHog', 'posthog.init("phc_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", { capture_exceptions: true, release: "v7" })', 'v7', 'phc_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'],
    ['LogRocket', 'LogRocket.init("abc123/acme-web", { release: "1.0.0" })', '1.0.0', 'abc123/acme-web'],
  ])('%s: found with its release, its key public by design', (name, text, release, key) => {
    const [t] = findTrackers([], inline(text))
    expect(t).toMatchObject({ name, release, key: { value: key, publicByDesign: true } })
  })

  it('no release tag is reported as missing', () => {
    const [t] = findTrackers([], inline('Sentry.init({ dsn: "https://0a1b2c3d4e5f60718293a4b5c6d7e8f9@o1.ingest.sentry.io/2" })'))
    expect(t.name).toBe('Sentry')
    expect(t.release).toBeUndefined()
  })

  it('PostHog analytics without exception capture is not error tracking', () => {
    expect(findTrackers([], inline('posthog.init("phc_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", {})'))).toEqual([])
  })

  it('a Sentry loader script names Sentry and its public key from the URL alone; unrelated scripts name nothing', () => {
    const found = findTrackers(['https://js.sentry-cdn.com/0a1b2c3d4e5f.min.js', 'https://js.stripe.com/v3/', 'https://cdn.example.com/sentry.js'], [])
    expect(found).toEqual([{ name: 'Sentry', loginUrl: 'https://sentry.io/', seenIn: ['https://js.sentry-cdn.com/0a1b2c3d4e5f.min.js'], key: expect.objectContaining({ value: '0a1b2c3d4e5f' }) }])
  })

  it('reads inline scripts only (not ones with src), bounded', () => {
    expect(inlineScripts('<script src="/a.js"></script><script>Sentry.init({})</script><script type="module">\n</script>')).toEqual(['Sentry.init({})'])
  })
})
