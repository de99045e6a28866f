import { defaultCampaign } from '@shared/campaign/campaign'
import type { Handlers } from '@shared/ipc/contract'
import type { ExportSaver } from './export/exportSaver'
import { APP_VERSION } from './appInfo'
import type { AppLog } from './appLog'
import { createAppLog } from './appLog'
import { LiveCampaign } from './campaignCalendar'
import { createHandlers } from './handlers'
import { DataDir } from './storage/ledgerStore'

export interface Services {
  handlers: Handlers
  /** The data folder's daily log, for dispatch and whatever else serves the handlers. */
  log: AppLog
  close: () => Promise<void>
}

/**
 * Wires the Node services over one data directory; the same composition serves Electron, the web mode and tests.
 * `parserUrl` locates the spreadsheet parser worker inside the Electron bundle; `exportSaver` (desktop only) saves
 * exports where the user chooses; `log` is the folder's log (the desktop app's is written by electron-log/main).
 */
export function createServices(
  dataPath: string,
  mode: 'electron' | 'web',
  parserUrl?: URL,
  exportSaver?: ExportSaver,
  log: AppLog = createAppLog(dataPath)
): Services {
  const dataDir = new DataDir(dataPath, { appVersion: APP_VERSION, campaign: defaultCampaign, program: mode })
  const calendar = new LiveCampaign(defaultCampaign, dataDir)
  const handlers = createHandlers({ dataDir, dataPath, calendar, appVersion: APP_VERSION, mode, log, ...(parserUrl ? { parserUrl } : {}), ...(exportSaver ? { exportSaver } : {}) })
  return {
    handlers,
    log,
    close: () => dataDir.close()
  }
}
