import { describe, expect, it } from 'vitest'
import { CSP, hardenContents, hardenSession, safeExternalUrl, windowOptions } from '../../../electron/main/security'

describe('window options', () => {
  it('isolate, sandbox and keep Node out of the renderer', () => {
    const w = windowOptions('/app/out/preload/index.cjs').webPreferences!
    expect(w).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    })
  })
})

describe('CSP', () => {
  it('allows only our own origin and no inline or eval script', () => {
    expect(CSP).toContain("default-src 'self'")
    expect(CSP).toContain("script-src 'self'")
    expect(CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/)
    expect(CSP).toContain("object-src 'none'")
    expect(CSP).toContain("frame-ancestors 'none'")
  })
})

describe('external URLs', () => {
  it.each([
    ['https://dash.cloudflare.com/', 'https://dash.cloudflare.com/'],
    ['http://example.com/a?b', 'http://example.com/a?b'],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['smb://host/share', null],
    ['not a url', null],
  ])('%s → %s', (input, want) => expect(safeExternalUrl(input)).toBe(want))
})

describe('hardenContents', () => {
  function fakeContents() {
    let openHandler: ((d: { url: string }) => { action: string }) | undefined
    const listeners: Record<string, (e: { preventDefault(): void; prevented?: boolean }, url?: string) => void> = {}
    const contents = {
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
      on: (name: string, fn: (typeof listeners)[string]) => (listeners[name] = fn),
    }
    const fire = (name: string, url?: string) => {
      const e = { prevented: false, preventDefault() { this.prevented = true } }
      listeners[name](e, url)
      return e.prevented
    }
    return { contents, open: (url: string) => openHandler!({ url }), fire }
  }

  it('denies new windows, sending only http(s) links to the OS browser', () => {
    const f = fakeContents()
    const opened: string[] = []
    hardenContents(f.contents as never, (u) => opened.push(u), () => false)
    expect(f.open('https://docs.example/help')).toEqual({ action: 'deny' })
    expect(f.open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://docs.example/help'])
  })

  it('prevents navigation and redirects away from the app, and webviews', () => {
    const f = fakeContents()
    hardenContents(f.contents as never, () => undefined, (u) => u.startsWith('file:///app/'))
    expect(f.fire('will-navigate', 'https://evil.example/')).toBe(true)
    expect(f.fire('will-navigate', 'file:///app/index.html')).toBe(false)
    expect(f.fire('will-redirect', 'https://evil.example/')).toBe(true)
    expect(f.fire('will-attach-webview')).toBe(true)
  })
})

describe('hardenSession', () => {
  it('adds the CSP header and denies every permission request, permission check and device', () => {
    let headers: ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined
    let perm: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined
    let check: ((wc: unknown, p: string, origin: string) => boolean) | undefined
    let device: ((d: unknown) => boolean) | undefined
    hardenSession({
      webRequest: { onHeadersReceived: (fn: typeof headers) => (headers = fn) },
      setPermissionRequestHandler: (fn: typeof perm) => (perm = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
      setDevicePermissionHandler: (fn: typeof device) => (device = fn),
    } as never)
    for (const p of ['media', 'clipboard-read', 'geolocation', 'notifications', 'hid', 'serial', 'usb']) expect(check!({}, p, 'file://'), p).toBe(false)
    expect(device!({ deviceType: 'usb', origin: 'file://', device: {} })).toBe(false)
    let out: unknown
    headers!({ responseHeaders: { 'X-A': ['1'] } }, (r) => (out = r))
    expect(out).toEqual({ responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [CSP] } })
    let granted: boolean | undefined
    perm!({}, 'media', (ok) => (granted = ok))
    expect(granted).toBe(false)
  })
})
