import type { Campaign } from '@shared/campaign/campaign'
import { unitById } from '@shared/campaign/campaign'
import { AppFailure } from '@shared/ipc/result'
import type { Handlers } from './dispatch'
import type { DataDir } from './storage/ledgerStore'

export interface ServiceContext {
  dataDir: DataDir
  dataPath: string
  campaign: Campaign
  appVersion: string
  mode: 'electron' | 'web'
}

function assertKnownUnit(campaign: Campaign, unitId: string): void {
  if (unitId !== campaign.office.id && !unitById(campaign, unitId)) {
    throw new AppFailure('NOT_FOUND', `本次整治工作中没有编号为 ${unitId} 的单位。`)
  }
}

/** The services behind the IPC contract; the same object serves Electron, the web server and the CLI. */
export function createHandlers(ctx: ServiceContext): Handlers {
  const { dataDir, campaign } = ctx
  return {
    'app:bootstrap': async () => {
      const profiles = await dataDir.profile()
      return {
        appVersion: ctx.appVersion,
        mode: ctx.mode,
        dataDir: ctx.dataPath,
        campaign,
        profile: profiles.get(),
        notices: profiles.notices
      }
    },
    'profile:save': async (profile) => {
      assertKnownUnit(campaign, profile.unitId)
      return (await dataDir.profile()).save(profile)
    },
    'ledger:open': async ({ unitId }) => {
      assertKnownUnit(campaign, unitId)
      return (await dataDir.ledger(unitId)).view()
    },
    'ledger:save': async (input) => {
      assertKnownUnit(campaign, input.unitId)
      const actor = (await dataDir.profile()).get()?.filler ?? '未登记填报人'
      return (await dataDir.ledger(input.unitId)).save(input, actor)
    },
    'ledger:history': async ({ unitId, recordId }) => {
      assertKnownUnit(campaign, unitId)
      return (await dataDir.ledger(unitId)).history(recordId)
    }
  }
}
