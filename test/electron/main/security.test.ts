import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, isAppUrl, mainWindowOptions } from '../../../electron/main/security'

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

  it('main never relaxes the settings and the preload exposes only invoke', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]))
    const main = files(join(root, 'electron')).filter((f) => f.endsWith('.ts'))
    for (const f of main) {
      const src = readFileSync(f, 'utf8')
      expect(src, f).not.toMatch(/sandbox:\s*false|nodeIntegration:\s*true|webSecurity:\s*false|@electron\/remote|@electron-toolkit\/preload|openExternal\(/)
    }
    const preload = readFileSync(join(root, 'electron/preload/index.ts'), 'utf8')
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1)
    expect(preload).not.toMatch(/ipcRenderer\.(on|send|sendSync)\b/)
  })
})
