import { defaultCampaign } from '@shared/campaign/campaign'
import type { Handlers } from '@shared/ipc/contract'
import type { ExportSaver } from './export/exportSaver'
import { APP_VERSION } from './appInfo'
import { createHandlers } from './handlers'
import { DataDir } from './storage/ledgerStore'

export interface Services {
  handlers: Handlers
  close: () => Promise<void>
}

/**
 * Wires the Node services over one data directory; the same composition serves Electron, the web mode and tests.
 * `parserUrl` locates the spreadsheet parser worker inside the Electron bundle; `exportSaver` (desktop only) saves
 * exports where the user chooses.
 */
export function createServices(dataPath: string, mode: 'electron' | 'web', parserUrl?: URL, exportSaver?: ExportSaver): Services {
  const campaign = defaultCampaign
  const dataDir = new DataDir(dataPath, { appVersion: APP_VERSION, campaign, program: mode })
  return {
    handlers: createHandlers({ dataDir, dataPath, campaign, appVersion: APP_VERSION, mode, ...(parserUrl ? { parserUrl } : {}), ...(exportSaver ? { exportSaver } : {}) }),
    close: () => dataDir.close()
  }
}
