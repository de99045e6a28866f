/**
 * Electron glue only: single instance, the app:// protocol, one hardened window, and IPC forwarded to the same
 * services the web mode and the CLI use. All decisions live in security.ts and the services.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BrowserWindow, app, dialog, ipcMain, protocol, session } from 'electron'
import electronLog from 'electron-log/main'
import { IPC_INVOKE } from '@shared/ipc/channels'
import { windowTitle } from '@shared/ipc/dataFolder'
import { fail } from '@shared/ipc/result'
import { createAppLog } from '../services/appLog'
import { finishInterruptedRestore } from '../services/backup'
import { dispatch } from '../services/dispatch'
import type { SaveChooser } from '../services/export/exportSaver'
import { ExportSaver } from '../services/export/exportSaver'
import { APP_DIR_NAME, ELECTRON_DIR_NAME, chooseDataDir, defaultDataDir, isFolder } from '../services/paths'
import { createServices } from '../services/services'
import { CONTENT_SECURITY_POLICY, contentType, resolveBundleFile } from '../services/staticFiles'
import parserPath from '../services/import/parseWorker.mjs?modulePath'
import { unpackedPath } from './asarPaths'
import { installMenu } from './menu'
import { APP_SCHEME, devRendererUrl, guardNavigation, isAppUrl, mainWindowOptions, runAsSingleInstance } from './security'

const here = fileURLToPath(new URL('.', import.meta.url))
const devServerUrl = devRendererUrl(app.isPackaged, process.env)

app.setName(APP_DIR_NAME)
// Chromium's files apart from the data (paths.ts ELECTRON_DIR_NAME); set before the single-instance lock, which lives there.
app.setPath('userData', join(app.getPath('appData'), ELECTRON_DIR_NAME))
runAsSingleInstance(app, start)

function start(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    guardNavigation(contents, devServerUrl)
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0]
    if (win?.isMinimized()) win.restore()
    win?.focus()
  })
  void app.whenReady().then(ready)
}

/** `title` says which data folder is in use (the page keeps saying it once loaded, from app:bootstrap). */
function createWindow(title: string): BrowserWindow {
  const win = new BrowserWindow({ ...mainWindowOptions(join(here, '../preload/preload.cjs')), title })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(devServerUrl ?? `${APP_SCHEME}://bundle/index.html`)
  return win
}

/** Exports are saved by main: the save dialog, modal to the window, built by the ExportSaver. */
const askWhereToSave: SaveChooser = async (request) => {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  const answer = win ? await dialog.showSaveDialog(win, request) : await dialog.showSaveDialog(request)
  return answer.canceled || !answer.filePath ? null : answer.filePath
}

async function ready(): Promise<void> {
  // --data DIR, SLW_DATA_DIR, a 散乱污台账数据 (or data) folder next to the program (portable, on a U盘), else the default folder.
  const { dir: dataPath, source: dataSource } = chooseDataDir({
    args: process.argv,
    env: process.env,
    // The same folder as the web mode's and the CLI's default, so all three see the same ledgers.
    fallback: defaultDataDir(),
    portable: { execPath: process.execPath, exists: isFolder }
  })
  // A restore cut off by a power cut is finished (or undone) before anything opens the folder.
  const repaired = await finishInterruptedRestore(dataPath).catch((e: unknown) => `恢复备份的收尾没有完成：${String(e)}`)
  const log = createAppLog(dataPath, { base: electronLog })
  log.started('desktop')
  if (repaired) log.info(repaired)
  // The parser worker is bundled as its own entry; tell the import where it landed (unpacked: a thread cannot start in app.asar).
  const services = createServices(dataPath, 'electron', {
    parserUrl: pathToFileURL(unpackedPath(parserPath)),
    exportSaver: new ExportSaver(askWhereToSave, app.getPath('documents')),
    log,
    dataSource
  })
  const rendererDir = join(here, '../renderer')

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  // Exports are saved by main (ExportSaver), which knows whether the bytes reached the disk; a download would not.
  session.defaultSession.on('will-download', (event) => event.preventDefault())

  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveBundleFile(rendererDir, new URL(request.url).pathname)
    if (!file) return new Response('未找到', { status: 404 })
    try {
      return new Response(await readFile(file), {
        headers: { 'content-type': contentType(file), 'content-security-policy': CONTENT_SECURITY_POLICY }
      })
    } catch {
      return new Response('未找到', { status: 404 })
    }
  })

  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, arg: unknown) => {
    // Only the app's own main frame may call the services (Electron checklist item 17).
    const frame = event.senderFrame
    if (!frame || frame.parent !== null || !isAppUrl(frame.url, devServerUrl)) {
      return fail('FORBIDDEN', '请求来源不可信，已拒绝。')
    }
    return dispatch(services.handlers, String(channel), arg, log)
  })

  createWindow(windowTitle(dataPath, dataSource))
  installMenu({ dataPath, isPackaged: app.isPackaged, log, closeServices: () => services.close() })
  app.on('window-all-closed', () => {
    void services.close().finally(() => app.quit())
  })
}
