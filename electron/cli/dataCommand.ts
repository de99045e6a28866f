import { withCalendar } from '@shared/campaign/calendar'
import type { Campaign } from '@shared/campaign/campaign'
import { defaultCampaign } from '@shared/campaign/campaign'
import { AppFailure } from '@shared/ipc/result'
import { APP_VERSION } from '../services/appInfo'
import { saveErrorMessage, saveFileAtomically } from '../services/export/saveFile'
import { dataDirFromArgs } from '../services/paths'
import { DataDir } from '../services/storage/ledgerStore'
import { toldRefusal } from './failure'

/**
 * A command that makes one file from a data folder: opens the folder (`--data`), lets `make` produce the bytes (with
 * the campaign as the folder's calendar has it: deadlines the office moved) and
 * the sentence to print, writes the file atomically. Exit 0: written; 1: `make` refused (it said why), the data
 * could not be read, or the file could not be written. A command that only reads opens the folder `readOnly`:
 * without the write lock, so it works while the app has the ledger open and on a read-only disk.
 */
export async function writeFromDataDir(
  args: string[],
  out: string,
  make: (data: DataDir, campaign: Campaign) => Promise<{ bytes: Buffer; message: string } | null>,
  access: { readOnly: boolean }
): Promise<number> {
  const data = new DataDir(dataDirFromArgs(args), { appVersion: APP_VERSION, campaign: defaultCampaign, readOnly: access.readOnly, program: 'cli' })
  try {
    const made = await make(data, withCalendar(defaultCampaign, (await data.calendar()).get()))
    if (!made) return 1
    await saveFileAtomically(out, made.bytes).catch((e: unknown) => {
      throw new AppFailure('IO', saveErrorMessage(out, e))
    })
    process.stdout.write(`${made.message}\n`)
    return 0
  } catch (e) {
    return toldRefusal(e)
  } finally {
    await data.close()
  }
}
