/**
 * What units send the office, made by the program's own writers: the forms over a unit's records (附件2/3/4 with
 * the lifecycle fields filled in), the Friday 附表 from a unit's ledger through WeeklyService, the contact list.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { contacts } from '@shared/annexes/contacts'
import type { AnnexDefinition } from '@shared/annexes/types'
import { defaultCampaign, unitByName } from '@shared/campaign/campaign'
import type { CampaignUnit } from '@shared/campaign/campaign'
import type { LedgerRecord, RecordFields } from '@shared/ledger/record'
import { unitFormInput } from '../../../electron/services/annexExport'
import { writeAnnexWorkbook } from '../../../electron/services/export/workbook'
import { WeeklyService } from '../../../electron/services/reports/weeklyService'
import { DataDir } from '../../../electron/services/storage/ledgerStore'
import { sampleRecords } from '../export/sampleRecords'

export const unit = (name: string): CampaignUnit => unitByName(defaultCampaign, name) as CampaignUnit

const TLC_DONE = Object.fromEntries(['Water', 'Power', 'Materials', 'Products', 'Equipment'].map((id) => [`tlc${id}Date`, '2024-05-20']))

/** Where a record has got to, by its position: 关停取缔 done and fined, 升级改造 accepted and restarted, 整合搬迁 under way, 摸底 only. */
const STAGES: ((f: RecordFields) => RecordFields)[] = [
  (f) => ({
    ...f,
    category: '关停取缔',
    measures: '依法关停取缔，实施“两断三清”',
    status: '已完成',
    stoppedFirst: '是',
    stopDate: '2024-05-16',
    ...TLC_DONE,
    tlcInspector: '马进',
    tlcInspectDate: '2024-05-21',
    completeDate: '2024-05-21',
    caseFiled: '是',
    caseDate: '2024-05-17',
    decisionNo: '临市监罚〔2024〕12号',
    decisionDate: '2024-05-20',
    fineAmount: '0.50'
  }),
  (f) => ({
    ...f,
    category: '升级改造',
    measures: '完善喷淋降尘设施，补办环评手续',
    status: '已验收',
    completeDate: '2024-05-22',
    upgradeFacilities: '新建喷淋降尘设施',
    investment: '3.50',
    acceptDate: '2024-07-10',
    acceptDept: '市工信局',
    acceptResult: '合格',
    restarted: '是',
    restartDate: '2024-07-12'
  }),
  (f) => ({ ...f, category: '整合搬迁', measures: '整合搬迁至临夏经济开发区', status: '整治中', relocationTarget: '临夏经济开发区' }),
  (f) => f
]

/** `count` records of a town-like unit, found before the campaign's first report week, at the stages above in turn. */
export function unitRecords(name: string, count: number, seed: number): LedgerRecord[] {
  const u = unit(name)
  return sampleRecords(count, name, u.seq, seed).map((r, i) => ({
    ...r,
    fields: { ...(STAGES[i % STAGES.length] as (f: RecordFields) => RecordFields)({ ...r.fields, foundDate: '2024-05-08' }) }
  }))
}

/** A form as the unit's 导出 writes it on `date` (its 填报日期). */
export async function formFile(annex: AnnexDefinition<RecordFields>, name: string, records: readonly LedgerRecord[], date: string): Promise<Buffer> {
  const profile = { unitId: unit(name).id, filler: '马晓东', phone: '0930-6212345' }
  const now = new Date(`${date}T10:00:00`)
  return (await writeAnnexWorkbook(unitFormInput({ annex, campaign: defaultCampaign, unitName: name, records, profile, template: false, appVersion: 'test', now, today: date }))).bytes
}

/** The unit's Friday 附表 as WeeklyService exports it from the unit's own ledger. */
export async function weeklyFile(name: string, records: readonly LedgerRecord[], friday: string): Promise<Buffer> {
  const u = unit(name)
  const data = new DataDir(mkdtempSync(join(tmpdir(), 'slw-unit-')), { appVersion: 'test', campaign: defaultCampaign })
  try {
    const store = await data.ledger(u.id)
    const upserts = records.map((r) => ({ id: r.id, fields: r.fields }))
    await store.save({ unitId: u.id, baseGeneration: store.generation, changes: { upserts, deletes: [] } }, '马晓东')
    await (await data.profile()).save({ unitId: u.id, filler: '马晓东', phone: '0930-6212345' })
    const file = await new WeeklyService(data, defaultCampaign, 'test').export(u, friday, 'xlsx', new Date(`${friday}T09:00:00`))
    return Buffer.from(file.data, 'base64')
  } finally {
    await data.close()
  }
}

/** The unit's 分管领导/联络员 row as its contact-list export. */
export function contactsFile(name: string, leader: string, date: string): Promise<Buffer> {
  const fields: RecordFields = {
    unit: name,
    leaderName: leader,
    leaderTitle: '副局长',
    leaderOffice: '0930-6211234',
    leaderMobile: '13909301234',
    liaisonName: '韩小梅',
    liaisonTitle: '科员',
    liaisonOffice: '0930-6215678',
    liaisonMobile: '13519305678',
    email: 'lxs@example.cn',
    contactRemarks: ''
  }
  return formFile(contacts, name, [{ id: `contacts-${name}`, problemNo: '', createdAt: '', updatedAt: '', fields }], date)
}

export const asUpload = (fileName: string, bytes: Buffer): { fileName: string; data: string } => ({ fileName, data: bytes.toString('base64') })
