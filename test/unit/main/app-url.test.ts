import { describe, expect, it } from 'vitest'
import { appLocation, isAppUrl } from '../../../electron/main/app-url'

const rendererDir = '/opt/Handover Console/resources/app.asar/out/renderer'

describe('where the window loads from', () => {
  it('honours ELECTRON_RENDERER_URL only when the app is not packaged', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }
    expect(appLocation({ isPackaged: false, env, rendererDir })).toMatchObject({ devOrigin: 'http://localhost:5173', url: 'http://localhost:5173/' })
    const packaged = appLocation({ isPackaged: true, env, rendererDir })
    expect(packaged.devOrigin).toBeUndefined()
    expect(packaged.url).toBe('file:///opt/Handover%20Console/resources/app.asar/out/renderer/index.html')
  })

  it('ignores a dev URL that is not an http(s) origin on this machine', () => {
    for (const u of ['https://evil.example/', 'file:///tmp/x.html', 'javascript:alert(1)', 'not a url', 'http://10.0.0.5:5173'])
      expect(appLocation({ isPackaged: false, env: { ELECTRON_RENDERER_URL: u }, rendererDir }).devOrigin, u).toBeUndefined()
  })

  it('knows the app by its exact page, with spaces in the path', () => {
    const loc = appLocation({ isPackaged: true, env: {}, rendererDir })
    expect(isAppUrl(loc, loc.url)).toBe(true)
    expect(isAppUrl(loc, `${loc.url}#/settings`)).toBe(true)
    expect(isAppUrl(loc, 'file:///opt/Handover%20Console/resources/app.asar/out/renderer-x/index.html')).toBe(false)
    expect(isAppUrl(loc, 'file:///opt/Handover%20Console/resources/app.asar/out/renderer/evil.html')).toBe(false)
    expect(isAppUrl(loc, 'https://evil.example/')).toBe(false)
    expect(isAppUrl(loc, '::')).toBe(false)
  })
})
