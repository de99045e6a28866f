import { defaultCampaign } from '@shared/campaign/campaign'
import type { Handlers } from '@shared/ipc/contract'
import type { DataDirSource } from '@shared/ipc/dataFolder'
import type { ExportSaver } from './export/exportSaver'
import { APP_VERSION } from './appInfo'
import type { AppLog } from './appLog'
import { createAppLog } from './appLog'
import type { AutoBackupSchedule } from './backup/autoBackup'
import { scheduleAutoBackups } from './backup/autoBackup'
import { LiveCampaign } from './campaignCalendar'
import { createHandlers } from './handlers'
import { DataDir } from './storage/ledgerStore'

export interface Services {
  handlers: Handlers
  /** The data folder's daily log, for dispatch and whatever else serves the handlers. */
  log: AppLog
  close: () => Promise<void>
}

export interface ServicesOptions {
  /** Where the spreadsheet parser worker is inside the Electron bundle. */
  parserUrl?: URL
  /** Saves exports where the user chooses (the desktop app only). */
  exportSaver?: ExportSaver
  /** The folder's log (the desktop app's is written by electron-log/main); the folder's own daily log when not given. */
  log?: AppLog
  /** How dataPath was chosen, for the window title and 关于 (the default folder when not said). */
  dataSource?: DataDirSource
  /**
   * The daily 自动备份 of the data folder (backup/autoBackup.ts), on by default: the first a minute after start, in
   * the background. false: none (tests that watch the folder's files; a service over a folder it must not add to).
   */
  autoBackup?: false | AutoBackupSchedule
}

/** Wires the Node services over one data directory; the same composition serves Electron, the web mode and tests. */
export function createServices(dataPath: string, mode: 'electron' | 'web', options: ServicesOptions = {}): Services {
  const { parserUrl, exportSaver, dataSource, log = createAppLog(dataPath) } = options
  const dataDir = new DataDir(dataPath, { appVersion: APP_VERSION, campaign: defaultCampaign, program: mode })
  const calendar = new LiveCampaign(defaultCampaign, dataDir)
  const handlers = createHandlers({ dataDir, dataPath, calendar, appVersion: APP_VERSION, mode, log, ...(parserUrl ? { parserUrl } : {}), ...(exportSaver ? { exportSaver } : {}), ...(dataSource ? { dataSource } : {}) })
  // Fire and forget: never delays the start, and a failure is only logged.
  const backups = options.autoBackup === false ? null : scheduleAutoBackups(dataPath, { ...options.autoBackup, appVersion: APP_VERSION, log })
  return {
    handlers,
    log,
    close: async () => {
      // A backup being written is cut off first: a restore that follows must find no program in the folder.
      await backups?.stop()
      await dataDir.close()
    }
  }
}
