import { defaultCampaign } from '@shared/campaign/campaign'
import { AppFailure } from '@shared/ipc/result'
import { APP_VERSION } from '../services/appInfo'
import { saveErrorMessage, saveFileAtomically } from '../services/export/saveFile'
import { dataDirFromArgs } from '../services/paths'
import { DataDir } from '../services/storage/ledgerStore'

/**
 * A command that makes one file from a data folder: opens the folder (`--data`), lets `make` produce the bytes and
 * the sentence to print, writes the file atomically. Exit 0: written; 1: `make` refused (it said why), the data
 * could not be read, or the file could not be written.
 */
export async function writeFromDataDir(
  args: string[],
  out: string,
  make: (data: DataDir) => Promise<{ bytes: Buffer; message: string } | null>
): Promise<number> {
  const data = new DataDir(dataDirFromArgs(args), { appVersion: APP_VERSION, campaign: defaultCampaign })
  try {
    const made = await make(data)
    if (!made) return 1
    await saveFileAtomically(out, made.bytes)
    process.stdout.write(`${made.message}\n`)
    return 0
  } catch (e) {
    process.stderr.write(`${e instanceof AppFailure ? e.message : saveErrorMessage(out, e)}\n`)
    return 1
  } finally {
    await data.close()
  }
}
