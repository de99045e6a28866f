/**
 * Security decisions of the desktop window, kept free of the electron module so they can be unit-tested
 * (guides/reliability.md §1). The glue in index.ts applies them.
 */
import type { App, BrowserWindowConstructorOptions, WebContents } from 'electron'

/** The renderer is served from this privileged custom scheme, never from file:// (Electron checklist item 18). */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://bundle`

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: '散乱污台账',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false
    }
  }
}

/** True only for pages of the app itself (and the dev server while developing). */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (u.origin === APP_ORIGIN || `${u.protocol}//${u.host}` === APP_ORIGIN) return true
  if (devServerUrl) {
    try {
      return u.origin === new URL(devServerUrl).origin
    } catch {
      return false
    }
  }
  return false
}

/**
 * The dev server the renderer is loaded from while developing (electron-vite sets ELECTRON_RENDERER_URL). A
 * packaged app never honours it: whoever sets the variable would otherwise choose the page that gets the services.
 * Only an http address of this computer counts even then.
 */
export function devRendererUrl(isPackaged: boolean, env: Record<string, string | undefined>): string | undefined {
  const url = env['ELECTRON_RENDERER_URL']
  if (isPackaged || !url) return undefined
  try {
    const u = new URL(url)
    return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname) ? url : undefined
  } catch {
    return undefined
  }
}

/**
 * Keeps every navigation of a page, its redirects and its frames' on the app's own pages: a link, a server
 * redirect or a frame cannot take the window (and its preload bridge) to another site.
 */
export function guardNavigation(contents: Pick<WebContents, 'on'>, devServerUrl?: string): void {
  const refuse = (details: { url: string; preventDefault: () => void }): void => {
    if (!isAppUrl(details.url, devServerUrl)) details.preventDefault()
  }
  contents.on('will-navigate', refuse)
  contents.on('will-redirect', refuse)
  contents.on('will-frame-navigate', refuse)
}

/**
 * Runs `start` in the first instance only. A second instance asks the first to show itself (its `second-instance`
 * event) and quits without starting anything: it must not open the data folder or a window.
 */
export function runAsSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'quit'>, start: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  start()
  return true
}
