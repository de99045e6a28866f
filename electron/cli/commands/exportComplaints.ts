/**
 * `slw export --annex complaints --data D --out 登记表.xlsx`: the 举报受理登记表 of a data folder as the app prints it
 * (no 举报人), read without the write lock. Whose register it is (the office's or a unit's) the folder's profile says.
 * Exit 0: written; 1: the register could not be read or the file not written.
 */
import { defaultCampaign } from '@shared/campaign/campaign'
import { APP_VERSION } from '../../services/appInfo'
import { ComplaintService, complaintActorOf } from '../../services/complaints'
import { workingDate, workingNow } from '../../services/workingDate'
import { DataDir } from '../../services/storage/ledgerStore'
import { overDataDir } from '../overDataDir'
import { saveOutput } from '../saveOutput'

const NO_SOURCES = async (): Promise<{ open: []; closed: [] }> => ({ open: [], closed: [] })

export async function exportComplaints(dataDir: string, out: string, contact: { filler?: string | undefined; phone?: string | undefined }): Promise<number> {
  const store = new DataDir(dataDir, { appVersion: APP_VERSION, campaign: defaultCampaign, readOnly: true })
  return overDataDir(store, 1, async () => {
    const profile = (await store.profile()).get()
    // A folder not set up yet prints the office's (empty) register.
    const actor = complaintActorOf(profile, defaultCampaign) ?? { side: 'office', unitId: null, by: '' }
    const office = actor.side === 'office'
    const service = new ComplaintService(store, defaultCampaign, { now: workingNow, today: workingDate }, NO_SOURCES)
    const file = await service.exportForm(actor, { filler: contact.filler ?? profile?.filler ?? '', phone: contact.phone ?? profile?.phone ?? '' })
    if (!(await saveOutput(out, Buffer.from(file.data, 'base64')))) return 1
    const count = (await store.complaints()).complaints.length
    process.stdout.write(`已生成举报受理登记表（${office ? defaultCampaign.office.shortName : actor.side}，${count} 件，不含举报人信息）：${out}\n`)
    return 0
  })
}
