import { defaultCampaign } from '@shared/campaign/campaign'
import { DataDir } from '../../electron/services/storage/ledgerStore'

/** How many records 八坊街道's (t005) ledger in the data folder `dir` holds, as the app would open it. */
export async function recordsIn(dir: string): Promise<number> {
  const data = new DataDir(dir, { appVersion: 'test', campaign: defaultCampaign })
  try {
    return (await data.ledger('t005')).view().records.length
  } finally {
    await data.close()
  }
}
