import { AppFailure } from '@shared/ipc/result'
import type { DataDir } from '../services/storage/ledgerStore'

/**
 * Runs a command's work over a data folder: what its stores refuse (a damaged file, a lock another program holds)
 * is said on stderr and answered with `refused`; the folder is closed in every case.
 */
export async function overDataDir<T>(data: DataDir, refused: T, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (e) {
    if (!(e instanceof AppFailure)) throw e
    process.stderr.write(`${e.message}\n`)
    return refused
  } finally {
    await data.close()
  }
}
