import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { WebContents } from 'electron'
import {
  APP_ORIGIN,
  devRendererUrl,
  guardNavigation,
  isAppUrl,
  mainWindowOptions,
  runAsSingleInstance
} from '../../../electron/main/security'
import { CONTENT_SECURITY_POLICY } from '../../../electron/services/staticFiles'

const root = resolve(import.meta.dirname, '../../..')

describe('desktop window hardening', () => {
  it('the window is sandboxed, isolated and without Node', () => {
    const wp = mainWindowOptions('/app/preload.cjs').webPreferences
    expect(wp).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false
    })
  })

  it('the CSP allows only the app itself (styles inline for AG Grid) and no plugins, frames or forms', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]))
    expect(directives.get('default-src')).toBe("'none'")
    expect(directives.get('script-src')).toBe("'self'")
    expect(directives.get('style-src')).toBe("'self' 'unsafe-inline'")
    expect(directives.get('connect-src')).toBe("'self'")
    expect(directives.get('object-src')).toBe("'none'")
    expect(directives.get('frame-ancestors')).toBe("'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/)
  })

  it('the page itself carries the same CSP (minus what a meta tag cannot say)', () => {
    const html = readFileSync(join(root, 'renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    const expected = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors'))
    expect(meta?.split('; ')).toEqual(expected)
  })

  it('only app:// pages (and the dev server) count as the app', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true)
    expect(isAppUrl('https://example.com/')).toBe(false)
    expect(isAppUrl('file:///etc/passwd')).toBe(false)
    expect(isAppUrl('app://bundle.evil.com/')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5174/x', 'http://localhost:5173')).toBe(false)
  })

  it('main never relaxes the settings and the preload exposes only invoke and the menu commands', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]))
    const main = files(join(root, 'electron')).filter((f) => f.endsWith('.ts'))
    for (const f of main) {
      const src = readFileSync(f, 'utf8')
      expect(src, f).not.toMatch(/sandbox:\s*false|nodeIntegration:\s*true|webSecurity:\s*false|@electron\/remote|@electron-toolkit\/preload|openExternal\(/)
    }
    const preload = readFileSync(join(root, 'electron/preload/index.ts'), 'utf8')
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1)
    // One event is listened to, the menus', and only through menuRelay (known command ids, never the IPC event).
    expect(preload).toMatch(/const relay = menuRelay\(listener\)\n\s*ipcRenderer\.on\(MENU_EVENT, relay\)/)
    expect(preload.replace('ipcRenderer.on(MENU_EVENT, relay)', '')).not.toMatch(/ipcRenderer\.(on|once|addListener|send|sendSync|postMessage)\b/)
  })

  it('a packaged app never loads its page from ELECTRON_RENDERER_URL; in development only from this computer', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }
    expect(devRendererUrl(true, env)).toBeUndefined()
    expect(devRendererUrl(false, env)).toBe('http://localhost:5173')
    expect(devRendererUrl(false, { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' })).toBe('http://127.0.0.1:5173/')
    for (const url of ['https://evil.example/', 'http://evil.example:5173', 'file:///tmp/x.html', 'not a url', '']) {
      expect(devRendererUrl(false, { ELECTRON_RENDERER_URL: url }), url).toBeUndefined()
    }
    expect(devRendererUrl(false, {})).toBeUndefined()
  })

  it('navigations, redirects and frame navigations away from the app are all stopped', () => {
    const listeners = new Map<string, (d: { url: string; preventDefault: () => void }) => void>()
    const contents = { on: (event: string, listener: (d: { url: string; preventDefault: () => void }) => void) => listeners.set(event, listener) }
    guardNavigation(contents as unknown as WebContents)
    expect([...listeners.keys()].sort()).toEqual(['will-frame-navigate', 'will-navigate', 'will-redirect'])
    for (const [event, listener] of listeners) {
      for (const [url, stopped] of [['https://evil.example/', true], ['file:///etc/passwd', true], [`${APP_ORIGIN}/index.html`, false]] as const) {
        let prevented = false
        listener({ url, preventDefault: () => (prevented = true) })
        expect(prevented, `${event} ${url}`).toBe(stopped)
      }
    }
  })

  it('a second instance quits without starting anything', () => {
    const calls: string[] = []
    const app = (lock: boolean) => ({ requestSingleInstanceLock: () => lock, quit: () => void calls.push('quit') })
    expect(runAsSingleInstance(app(false), () => calls.push('start'))).toBe(false)
    expect(calls).toEqual(['quit'])
    calls.length = 0
    expect(runAsSingleInstance(app(true), () => calls.push('start'))).toBe(true)
    expect(calls).toEqual(['start'])
  })

  it('main wires them: all start-up behind the single-instance lock, the guards, the request cap of dispatch', () => {
    const main = readFileSync(join(root, 'electron/main/index.ts'), 'utf8')
    expect(main).toContain('runAsSingleInstance(app, start)')
    const startAt = main.indexOf('function start(')
    for (const call of ['app.whenReady(', 'registerSchemesAsPrivileged(', "app.on('web-contents-created'", 'ipcMain.handle(']) {
      expect(main.indexOf(call), call).toBeGreaterThan(startAt)
    }
    expect(main).toContain('devRendererUrl(app.isPackaged, process.env)')
    expect(main).not.toMatch(/process\.env\[?.?ELECTRON_RENDERER_URL/)
    expect(main).toContain('guardNavigation(contents, devServerUrl)')
    expect(main).not.toMatch(/\.on\('will-(navigate|redirect|frame-navigate)'/)
    expect(main).toMatch(/ipcMain\.handle\(IPC_INVOKE[\s\S]*dispatch\(services\.handlers/)
    // The web server caps bodies with dispatch's constant, not a number of its own.
    const web = readFileSync(join(root, 'electron/web/server.ts'), 'utf8')
    expect(web).toContain('MAX_REQUEST_BYTES')
    expect(web).not.toMatch(/\d+ \* 1024/)
  })
})
