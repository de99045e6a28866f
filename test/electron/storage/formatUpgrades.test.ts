/**
 * Upgrades keep data (issue 23): a data folder written by each released format — every (file kind, schemaVersion)
 * that ever existed on main, written by the program of that time (test/fixtures/formats/README.md says which commit
 * wrote which file, and how) — opens with the current stores as the app opens it (DataDir), keeps every value, is
 * migrated to the current version with the file as it was kept in backups/pre-migrate-…, and saves again.
 *
 * The expected upgrades are written out here from the format history, not taken from OFFICE_MIGRATIONS: a migration
 * removed or changed makes these tests fail. A file from a newer program with a payload this one cannot read is
 * refused, changing nothing (the last describe); one whose payload it can read opens read-only, as
 * durableJsonFile.test.ts ('opens a file from a newer program read-only …') and ledgerStore.test.ts ('shows a ledger
 * saved by a newer program read-only …') already check.
 */
import { createHash } from 'node:crypto'
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { withCalendar } from '@shared/campaign/calendar'
import { attachmentId, isRemoved } from '@shared/evidence/attachments'
import type { RecordFields } from '@shared/ledger/record'
import { statusOf } from '@shared/lifecycle/requirements'
import { APP_VERSION } from '../../../electron/services/appInfo'
import { DataDir, LEDGER_SCHEMA_VERSION } from '../../../electron/services/storage/ledgerStore'
import { OFFICE_SCHEMA_VERSION } from '../../../electron/services/storage/officeStore'

const FORMATS = resolve(import.meta.dirname, '../../fixtures/formats')
/** When the current program opens the old folders: 2024-07-01 10:00 in 临夏. */
const NOW = new Date('2024-07-01T02:00:00.000Z')
const STAMP = '20240701-100000'
const UNIT = 't005'
const ID = { a: '6f1c2a9e-1b2d-4c1e-9a51-0b7a3d1e5c01', b: '6f1c2a9e-1b2d-4c1e-9a51-0b7a3d1e5c02', c: '6f1c2a9e-1b2d-4c1e-9a51-0b7a3d1e5c03' }

// The records every fixture's unit (八坊街道) entered, as its README describes them.
const RECORD_A: RecordFields = {
  town: '八坊街道', village: '西关社区', name: '临夏市八坊街道马氏木器加工点', uscc: '92622901MA71XK3B11', operator: '马国福', phone: '13909301234',
  address: '临夏市八坊街道西关社区前河沿路18号', sector: '工业', industry: '木材加工', products: '木质家具、门窗', problemTypes: ['散', '污'],
  problems: '无环评手续；喷漆工序无废气收集处理设施，漆雾直排', licBusiness: '有', licEia: '无', licDischarge: '无', licOther: '无', facilities: '无',
  category: '升级改造', measures: '停用露天喷漆，建设密闭喷漆房并配套活性炭吸附装置；补办环评登记表', deadline: '2024-06-30', responsibleUnit: '八坊街道',
  leadDept: '州生态环境局临夏市分局', responsiblePerson: '马志强', source: '排查发现', remarks: '“一企一策”已制定'
}
const RECORD_B: RecordFields = {
  town: '八坊街道', village: '大西关社区', name: '大西关村马有才（经营者）废品收购点', uscc: '无', operator: '马有才', phone: '13519301111',
  address: '临夏市八坊街道大西关社区红园路西段', sector: '无证照', industry: '废旧物资回收', products: '废塑料、废纸', problemTypes: ['散', '乱', '污'],
  problems: '无营业执照，露天堆放，焚烧废塑料', licBusiness: '无', licEia: '无', licDischarge: '无', licOther: '无', facilities: '无', category: '关停取缔',
  measures: '依法取缔，断水断电，清除原料、产品和设备', deadline: '2024-05-31', responsibleUnit: '八坊街道', leadDept: '市商务局', responsiblePerson: '马志强',
  source: '群众举报', remarks: ''
}
const RECORD_C: RecordFields = {
  town: '八坊街道', village: '王寺街社区', name: '临夏市鑫源石材切割厂', uscc: '91622901MA72A0L5XB', operator: '王建军', phone: '0930-6219876',
  address: '临夏市八坊街道王寺街社区北滨河路126号', sector: '工业', industry: '石材加工', products: '石材板材', problemTypes: ['污'],
  problems: '切割粉尘无组织排放，废水未经沉淀外排', licBusiness: '有', licEia: '不全', licDischarge: '无', licOther: '有', facilities: '有但不完善',
  category: '整合搬迁', measures: '搬迁至临夏经济开发区', deadline: '2024-09-30', responsibleUnit: '八坊街道', leadDept: '市工信局', responsiblePerson: '王海涛',
  source: '排查发现', remarks: '含“引号”、\\反斜杠\\ 与换行\n第二行'
}
/** A after 停产 and 开始整治 in 办理. */
const A_STARTED: RecordFields = { ...RECORD_A, stoppedFirst: '是', stopDate: '2024-05-13', status: '整治中', upgradeFacilities: '密闭喷漆房及活性炭吸附装置' }
/** B taken to 销号: 停产, 两断三清, 整治完成, 验收, 销号 (before 销号 asked for an approver and photos). */
const B_CLOSED: RecordFields = {
  ...RECORD_B, stoppedFirst: '是', stopDate: '2024-05-10', status: '已销号',
  tlcWaterDate: '2024-05-12', tlcWaterMethod: '拆除供水管道', tlcPowerDate: '2024-05-12', tlcPowerMethod: '供电公司停电', tlcPowerNoticeNo: '临电停〔2024〕15号',
  tlcMaterialsDate: '2024-05-14', tlcMaterialsMethod: '废塑料清运至市再生资源回收站', tlcProductsDate: '2024-05-14', tlcProductsMethod: '打包清运',
  tlcEquipmentDate: '2024-05-15', tlcEquipmentMethod: '拆除破碎机1台', tlcEquipmentQty: '1', tlcInspector: '马志强', tlcInspectDate: '2024-05-16',
  completeDate: '2024-05-16', acceptDate: '2024-05-20', acceptDept: '市商务局', acceptResult: '合格', evidence: 'BF-2024-002', closeDate: '2024-05-24'
}
const WEEKLY_TEXT = {
  overview: '本周八坊街道共排查“散乱污”问题3个，其中关停取缔1个、整合搬迁1个、升级改造1个。',
  thisWeek: '大西关社区废品收购点已完成“两断三清”并通过验收；马氏木器加工点已停产整治。',
  problems: '部分经营者对整治政策理解不到位，存在抵触情绪。',
  nextWeek: '督促鑫源石材切割厂落实搬迁，做好已销号点位的回头看。',
  openItems: '鑫源石材切割厂搬迁',
  nextPlan: '6月底前完成全部升级改造任务'
}
const CONTACTS: RecordFields = {
  unit: '八坊街道', leaderName: '马文华', leaderTitle: '党工委副书记、办事处主任', leaderOffice: '0930-6212001', leaderMobile: '13909300001',
  liaisonName: '马玉兰', liaisonTitle: '环保专干', liaisonOffice: '0930-6212345', liaisonMobile: '13909300002', email: 'bafang@example.cn', contactRemarks: ''
}
const CALENDAR = {
  campaignId: 'linxia-2024',
  version: 1,
  changes: [{ target: 'annex2', date: '2024-05-15', reason: '部分乡镇排查范围扩大，需延长摸底时间', approvedBy: '市散乱污领导小组第2次会议', at: '2024-05-08T01:00:00.000Z', by: '王主任' }]
}
const HANDMADE_SHA = '9c22e0d5f9a2b1c30a1fffa39de70a5bd5aed0c53e05d20bf80af0ebc7e9c2cd'

interface Envelope {
  format: string
  schemaVersion: number
  generation: number
  savedAt: string
  appVersion: string
  sha256: string
  payload: Record<string, unknown>
}
type Json = Record<string, unknown>

const roots: string[] = []
afterEach(async () => {
  for (const r of roots.splice(0)) await rm(r, { recursive: true, force: true })
})

/** A copy of a fixture's data folder set (office/, unit/) in a temp folder. */
async function folder(fixture: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'slw-formats-'))
  roots.push(root)
  await cp(join(FORMATS, fixture), root, { recursive: true })
  return root
}

const dataDir = (root: string): DataDir => new DataDir(root, { appVersion: APP_VERSION, campaign: defaultCampaign, now: () => NOW })
const envelope = async (path: string): Promise<Envelope> => JSON.parse(await readFile(path, 'utf8')) as Envelope
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

/** Every file under `dir` with the sha256 of its bytes (the locks of stores held open aside). */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const f of await readdir(dir, { recursive: true })) {
    const p = join(dir, f)
    if ((await stat(p)).isFile() && !p.endsWith('.lock')) out[relative(dir, p)] = sha256(await readFile(p))
  }
  return out
}

/**
 * The office registry of version `from` as the current program holds it, written out from the format history: v2
 * added the 督办通知 register, v3 the 督查问责 register and the office's 问题编号, v4 took a row's `rejected` as
 * `flagged` and added the confirmations. Registries released as v3 before 81a3aa1 have no 问题编号 and as v4 before
 * 247aada no confirmations: both start empty. Notices kept before 144b7b5 had no 抄送 and no 事由 (their defaults).
 */
function officeNow(payload: Json, from: number): Json {
  let p = { ...payload }
  if (from < 2) p = { ...p, notices: [] }
  if (from < 3) p = { ...p, accountability: [] }
  if (from < 4) {
    const submissions = (p['submissions'] as Json[]).map((s) => ({
      ...s,
      rows: (s['rows'] as Json[]).map(({ rejected, ...row }) => ({ ...row, flagged: rejected }))
    }))
    p = { ...p, submissions }
  }
  p['problemNos'] ??= []
  p['confirmations'] ??= []
  p['notices'] = (p['notices'] as Json[]).map((n) => ({ copyTo: [], subject: '', ...n }))
  return p
}

/** The registry of the office's data folder in a fixture (root/office is the office's data folder). */
const registryOf = (root: string, ...rest: string[]): string => join(root, 'office', 'office', ...rest)

interface Opened {
  data: DataDir
  /** The registry's generation once opened. */
  generation: number
  /** Whether opening upgraded it. */
  migrated: boolean
}

/** Opens an office data folder written by an older program and checks the registry was upgraded, nothing lost. */
async function openOldOffice(root: string, from: number): Promise<Opened> {
  const file = registryOf(root, 'registry.json')
  const raw = await readFile(file)
  const before = JSON.parse(raw.toString('utf8')) as Envelope
  expect(before).toMatchObject({ format: 'slw-office', schemaVersion: from })
  const data = dataDir(join(root, 'office'))
  const store = await data.office()
  const migrated = from < OFFICE_SCHEMA_VERSION
  const backup = `registry.json.pre-migrate-v${from}-${STAMP}.json`
  const expected = officeNow(before.payload, from)
  // Everything the old program kept, as the current one reads it.
  expect({
    submissions: store.submissions,
    decisions: store.decisions,
    notices: store.supervision,
    accountability: store.accountability,
    problemNos: [...store.problemNos],
    confirmations: store.confirmations
  }).toEqual({ ...expected, problemNos: (expected['problemNos'] as { key: string; no: string }[]).map((a) => [a.key, a.no]) })
  // The files the office received are still there, unchanged.
  for (const s of store.submissions) expect(sha256(await store.fileBytes(s.sha256))).toBe(s.sha256)
  if (!migrated) {
    expect(store.notices).toEqual([])
    expect(await readFile(file)).toEqual(raw)
    return { data, generation: before.generation, migrated }
  }
  expect(store.notices).toEqual([
    { level: 'info', message: `汇总登记文件 registry.json 的数据格式已由第 ${from} 版升级为第 ${OFFICE_SCHEMA_VERSION} 版；升级前的文件已备份为 backups/${backup}。` }
  ])
  // The file as the older program left it, byte for byte.
  expect(await readFile(registryOf(root, 'backups', backup))).toEqual(raw)
  // Migrated at once, by a save of the current program: the whole payload is the old one upgraded, nothing dropped.
  const after = await envelope(file)
  expect(after).toMatchObject({ format: 'slw-office', schemaVersion: OFFICE_SCHEMA_VERSION, appVersion: APP_VERSION, savedAt: NOW.toISOString() })
  expect(after.generation).toBe(before.generation + 1)
  expect(after.payload).toEqual(expected)
  return { data, generation: after.generation, migrated }
}

/** The 附件2 a unit exported and the hand-made 附件2 of 城郊镇 (a code one character short in row 6), as received. */
async function expectReceivedForms(data: DataDir): Promise<void> {
  const store = await data.office()
  const [bafang, chengjiao] = store.submissions
  expect(bafang).toMatchObject({ file: '附件2-八坊街道-20240509.xlsx', unit: '八坊街道', annex: 'annex2', filledDate: '2024-05-09', refused: false })
  expect(bafang?.ownExport).toMatchObject({ kind: 'export', consistent: true, edited: 0 })
  expect(bafang?.rows.map((r) => [r.rowNumber, r.problemNo, r.fields['name'], r.flagged])).toEqual([
    [6, 'LXS-2024-005-0001', RECORD_A['name'], false],
    [7, 'LXS-2024-005-0002', RECORD_B['name'], false],
    [8, 'LXS-2024-005-0003', RECORD_C['name'], false]
  ])
  // The unit's values as it sent them, Chinese text, lists, quotes, backslashes and line breaks included.
  expect(bafang?.rows.map((r) => r.fields)).toMatchObject([RECORD_A, RECORD_B, RECORD_C])
  expect(chengjiao).toMatchObject({ file: '附件2-城郊镇.xlsx', sha256: HANDMADE_SHA, unit: '城郊镇', annex: 'annex2', filledDate: '2024-05-09', ownExport: null })
  expect(chengjiao?.rows.map((r) => [r.rowNumber, r.fields['name'], r.fields['uscc'], r.flagged])).toEqual([
    [5, '临夏市城郊镇罗家堡村马福清（经营者）砖瓦加工点', '无', false],
    [6, '临夏市城郊镇王坪村建材门市', '91622901MA72A0L5X', true],
    [7, '马氏木器加工点', '92622901MA71XK3B11', false]
  ])
  expect(chengjiao?.rows.every((r) => !('rejected' in r))).toBe(true)
  expect(chengjiao?.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'USCC_LENGTH', cell: 'E6', row: 6, column: '统一社会信用代码' })])
  expect(store.decisions).toEqual([
    { kind: 'attribute', key: 'uscc:92622901MA71XK3B11', unit: '八坊街道', note: '经现场核实，该加工点位于八坊街道', at: expect.stringMatching(/^2024-05-1\dT/), by: '王主任' }
  ])
}

/** The 督办通知 issued to 城郊镇 on 6/17 and its 反馈 of 6/20. */
function expectNotice(data: { supervision: readonly Json[] }, withCopy: boolean): void {
  expect(data.supervision).toEqual([
    expect.objectContaining({
      unit: '城郊镇',
      copyTo: withCopy ? ['市自然资源局'] : [],
      subject: withCopy ? '罗家堡村砖瓦加工点逾期未整治' : '',
      source: '市散乱污办日常督查',
      items: [expect.objectContaining({ name: '临夏市城郊镇罗家堡村马福清（经营者）砖瓦加工点', address: '临夏市城郊镇罗家堡村三社', issue: expect.stringContaining('完成时限2024') })],
      requirements: ['立即组织整改', '整改情况于6月24日前书面报送市散乱污办'],
      deadline: '2024-06-24',
      seq: 1,
      year: 2024,
      number: '临市散办督〔2024〕1号',
      issuedAt: '2024-06-17',
      issuedBy: '王主任',
      feedback: { date: '2024-06-20', result: '罗家堡村砖瓦加工点土窑已拆除，复垦工作正在进行。', by: '王主任' }
    })
  ])
}

/** The 约谈 of 城郊镇 and the 通报 of 6/26. */
function expectAccountability(data: { accountability: readonly Json[] }): void {
  expect(data.accountability).toHaveLength(2)
  expect(data.accountability[0]).toMatchObject({
    no: 1,
    kind: '约谈',
    date: '2024-06-26',
    units: ['城郊镇'],
    person: '城郊镇分管副镇长 罗建国',
    findings: '督办通知办理时限内整改不到位，罗家堡村砖瓦加工点复垦进展缓慢',
    notices: ['临市散办督〔2024〕1号'],
    number: '',
    bulletin: null,
    recordedBy: '王主任'
  })
  expect(data.accountability[1]).toMatchObject({ no: 2, kind: '通报', number: '临市散办通〔2024〕1号', bulletin: expect.objectContaining({ title: '关于全市“散乱污”问题清理整治工作进展情况的通报', copyTo: ['临夏市工业和信息化局'] }) })
}

/** A save after opening works, and the registry reopens with it and all before it (one pre-migrate copy at most). */
async function saveAgain(root: string, { data, generation, migrated }: Opened): Promise<void> {
  const store = await data.office()
  await store.decide({ kind: 'keep-both', key: 'name:城郊镇王坪村建材门市|城郊镇王坪村折桥路口', note: '升级后的第一项决定', at: NOW.toISOString(), by: '王主任' })
  const before = { submissions: store.submissions, decisions: store.decisions, supervision: store.supervision, accountability: store.accountability, confirmations: store.confirmations }
  await data.close()
  const again = dataDir(join(root, 'office'))
  const reopened = await again.office()
  expect(reopened.notices).toEqual([])
  expect(reopened.generation).toBe(generation + 1)
  expect({ submissions: reopened.submissions, decisions: reopened.decisions, supervision: reopened.supervision, accountability: reopened.accountability, confirmations: reopened.confirmations }).toEqual(before)
  expect(reopened.decisions.at(-1)).toMatchObject({ kind: 'keep-both', note: '升级后的第一项决定' })
  expect(await envelope(registryOf(root, 'registry.json'))).toMatchObject({ schemaVersion: OFFICE_SCHEMA_VERSION, generation: generation + 1 })
  const backups = await readdir(registryOf(root, 'backups')).catch(() => [])
  expect(backups.filter((f) => f.includes('pre-migrate'))).toHaveLength(migrated ? 1 : 0)
  await again.close()
}

/**
 * A unit folder written from 7035683 on: its ledger (A 整治中, B 销号 with its lifecycle history, C untouched, and the
 * records `more` adds), documents and profile open as they were; the ledger saves again, numbering on from its seq.
 */
async function expectUnit(root: string, more: [problemNo: string, fields: RecordFields][] = [], opt: { calendar?: boolean } = {}): Promise<void> {
  const unit = join(root, 'unit')
  const ledgerFile = join(unit, 'units', UNIT, 'ledger.json')
  const raw = await envelope(ledgerFile)
  expect(raw).toMatchObject({ format: 'slw-ledger', schemaVersion: 1 })
  const before = await tree(unit)
  const data = dataDir(unit)
  expect((await data.profile()).get()).toEqual({ unitId: UNIT, filler: '马玉兰', phone: '0930-6212345' })
  const ledger = await data.ledger(UNIT)
  const view = ledger.view()
  expect(view.notices).toEqual([])
  expect(view.generation).toBe(raw.generation)
  expect(view.records).toEqual(raw.payload['records'])
  expect(view.records.map((r) => [r.problemNo, r.fields])).toEqual([
    ['LXS-2024-005-0001', A_STARTED],
    ['LXS-2024-005-0002', B_CLOSED],
    ['LXS-2024-005-0003', RECORD_C],
    ...more
  ])
  // The current lifecycle reads the old steps as they were taken.
  expect(view.records.slice(0, 3).map((r) => statusOf(r.fields))).toEqual(['整治中', '已销号', '已登记'])
  expect(ledger.history(ID.b).filter((h) => h.field === 'status').map((h) => [h.at.slice(0, 10), h.by, h.from, h.to])).toEqual([
    ['2024-05-10', '马玉兰', '', '已停产'],
    ['2024-05-11', '马玉兰', '已停产', '整治中'],
    ['2024-05-16', '马玉兰', '整治中', '已完成'],
    ['2024-05-20', '马玉兰', '已完成', '已验收'],
    ['2024-05-24', '马玉兰', '已验收', '已销号']
  ])
  expect(ledger.history(ID.b).find((h) => h.field === 'closeDate')).toMatchObject({ op: 'update', from: '', to: '2024-05-24' })

  const docs = await data.unitDocuments(UNIT)
  expect(docs.notices).toEqual([])
  expect(docs.weekly('2024-05-17')).toEqual({ ...WEEKLY_TEXT, savedAt: expect.stringMatching(/^2024-05-24T02:\d\d:00\.000Z$/), by: '马玉兰' })
  expect(docs.contacts).toEqual(CONTACTS)
  if (opt.calendar) {
    const calendar = (await data.calendar()).get()
    expect(calendar).toEqual(CALENDAR)
    expect(withCalendar(defaultCampaign, calendar).deadlines.find((d) => d.id === 'annex2')?.date).toBe('2024-05-15')
  }
  // Same version as now: opening rewrote nothing.
  expect(await tree(unit)).toEqual(before)

  // Saving again: the new record takes the next 问题编号 after the stored problemSeq; the rest stays as it was.
  const seq = raw.payload['problemSeq'] as number
  const receipt = await ledger.save({ unitId: UNIT, baseGeneration: raw.generation, changes: { upserts: [{ id: 'after-upgrade', fields: { ...RECORD_A, name: '升级后新增' } }], deletes: [] } }, '马玉兰')
  expect(receipt.assigned).toEqual({ 'after-upgrade': `LXS-2024-005-${String(seq + 1).padStart(4, '0')}` })
  await docs.saveContacts({ ...CONTACTS, email: 'bafang2@example.cn' })
  await data.close()
  const saved = await envelope(ledgerFile)
  expect(saved).toMatchObject({ schemaVersion: LEDGER_SCHEMA_VERSION, generation: raw.generation + 1 })
  expect((saved.payload['records'] as unknown[]).slice(0, -1)).toEqual(raw.payload['records'])
  expect((saved.payload['history'] as unknown[]).slice(0, (raw.payload['history'] as unknown[]).length)).toEqual(raw.payload['history'])
  const again = dataDir(unit)
  expect((await again.unitDocuments(UNIT)).weekly('2024-05-17')).toMatchObject(WEEKLY_TEXT)
  expect((await again.unitDocuments(UNIT)).contacts).toEqual({ ...CONTACTS, email: 'bafang2@example.cn' })
  expect((await again.ledger(UNIT)).view().records).toHaveLength(view.records.length + 1)
  await again.close()
}

describe('a unit folder of the first format (917d330: ledger v1, profile v1, no lifecycle)', () => {
  it('opens with every record, edit and delete, and numbers on after the deleted record', async () => {
    const root = await folder('ledger-v1/917d330')
    const unit = join(root, 'unit')
    const raw = await envelope(join(unit, 'units', UNIT, 'ledger.json'))
    const data = dataDir(unit)
    expect((await data.profile()).get()).toEqual({ unitId: UNIT, filler: '马玉兰', phone: '0930-6212345' })
    const ledger = await data.ledger(UNIT)
    const view = ledger.view()
    expect(view).toMatchObject({ unitId: UNIT, generation: 3, readOnly: false, notices: [] })
    expect(view.records).toEqual(raw.payload['records'])
    expect(view.records).toEqual([
      { id: ID.a, problemNo: 'LXS-2024-005-0001', createdAt: '2024-05-08T02:15:00.000Z', updatedAt: '2024-05-08T03:15:00.000Z', fields: { ...RECORD_A, deadline: '2024-07-31', remarks: '延期：设备订货周期长' } },
      { id: ID.c, problemNo: 'LXS-2024-005-0003', createdAt: '2024-05-08T02:15:00.000Z', updatedAt: '2024-05-08T02:15:00.000Z', fields: RECORD_C }
    ])
    expect(ledger.history(ID.a).map((h) => [h.op, h.field, h.from, h.to])).toEqual([
      ['create', undefined, undefined, undefined],
      ['update', 'deadline', '2024-06-30', '2024-07-31'],
      ['update', 'remarks', '“一企一策”已制定', '延期：设备订货周期长']
    ])
    // The deleted record is kept whole in its delete entry.
    expect(ledger.history(ID.b)).toEqual([
      { at: '2024-05-08T02:15:00.000Z', by: '马玉兰', recordId: ID.b, op: 'create' },
      {
        at: '2024-05-08T04:15:00.000Z',
        by: '马志强',
        recordId: ID.b,
        op: 'delete',
        snapshot: { id: ID.b, problemNo: 'LXS-2024-005-0002', createdAt: '2024-05-08T02:15:00.000Z', updatedAt: '2024-05-08T02:15:00.000Z', fields: RECORD_B }
      }
    ])
    const receipt = await ledger.save({ unitId: UNIT, baseGeneration: 3, changes: { upserts: [{ id: 'new', fields: RECORD_B }], deletes: [] } }, '马玉兰')
    expect(receipt).toEqual({ generation: 4, savedAt: NOW.toISOString(), assigned: { new: 'LXS-2024-005-0004' } })
    await data.close()
    expect(await envelope(join(unit, 'units', UNIT, 'ledger.json'))).toMatchObject({ format: 'slw-ledger', schemaVersion: LEDGER_SCHEMA_VERSION, generation: 4, appVersion: APP_VERSION })
  })
})

describe('office registry v1 (dfea18c)', () => {
  it('opens migrated to the current version with the received files and the decision, and saves again', async () => {
    const root = await folder('office-v1/dfea18c')
    const opened = await openOldOffice(root, 1)
    const { data } = opened
    expect((await data.profile()).get()).toEqual({ unitId: 'office', filler: '王主任', phone: '0930-6210000' })
    await expectReceivedForms(data)
    const store = await data.office()
    expect(store.submissions.map((s) => s.receivedAt)).toEqual(['2024-05-10T01:30:00.000Z', '2024-05-10T01:30:00.000Z'])
    expect([store.supervision, store.accountability, [...store.problemNos], store.confirmations]).toEqual([[], [], [], []])
    await saveAgain(root, opened)
  })
})

describe('office registry v2', () => {
  it('as first released (7035683): notices without 抄送 or 事由; the unit folder with the first lifecycle and documents', async () => {
    const root = await folder('office-v2/7035683')
    const opened = await openOldOffice(root, 2)
    const { data } = opened
    await expectReceivedForms(data)
    const store = await data.office()
    expectNotice(store, false)
    expect([store.accountability, [...store.problemNos], store.confirmations]).toEqual([[], [], []])
    await saveAgain(root, opened)
    await expectUnit(root)
  })

  it('as last released (bf2b4b1): notices with 抄送 and 事由; the calendar, office and unit', async () => {
    const root = await folder('office-v2/bf2b4b1')
    const opened = await openOldOffice(root, 2)
    const { data } = opened
    await expectReceivedForms(data)
    const store = await data.office()
    expectNotice(store, true)
    expect((await data.calendar()).get()).toEqual(CALENDAR)
    await saveAgain(root, opened)
    await expectUnit(root, [], { calendar: true })
  })
})

describe('office registry v3', () => {
  // Registries written by 029c130, 4c8e642 and c8a2e65 are v3 without `problemNos` (81a3aa1 added the field to the
  // v2→v3 migration instead of bumping the version); they were refused as UNRECOVERABLE until the v4→v5 repair.
  it('as first released (c8a2e65): the 督查问责 register, before the office numbered rows', async () => {
    const root = await folder('office-v3/c8a2e65')
    const opened = await openOldOffice(root, 3)
    const { data } = opened
    await expectReceivedForms(data)
    const store = await data.office()
    expectNotice(store, true)
    expectAccountability(store)
    expect([...store.problemNos]).toEqual([])
    await saveAgain(root, opened)
  })

  it('as first released (c8a2e65): the unit folder of the same program opens', async () => {
    await expectUnit(await folder('office-v3/c8a2e65'), [], { calendar: true })
  })

  it('as last released (c193464): the office 问题编号, a row with an error kept as rejected, now flagged', async () => {
    const root = await folder('office-v3/c193464')
    const opened = await openOldOffice(root, 3)
    const { data } = opened
    await expectReceivedForms(data)
    const store = await data.office()
    expectNotice(store, true)
    expectAccountability(store)
    expect([...store.problemNos]).toEqual([
      ['name:城郊镇罗家堡村马福清经营者砖瓦加工点|城郊镇罗家堡村三社', 'LXS-2024-100-9001'],
      ['uscc:92622901MA71XK3B11', 'LXS-2024-100-9002']
    ])
    expect(store.confirmations).toEqual([])
    await saveAgain(root, opened)
    await expectUnit(root, [], { calendar: true })
  })
})

describe('office registry v4', () => {
  // Registries written by 7246fba and 7bb8c06 are v4 without `confirmations` (247aada added the field to the v3→v4
  // migration instead of bumping the version); they were refused as UNRECOVERABLE until the v4→v5 repair.
  it('as first released (7bb8c06): rows with errors flagged, before confirmations', async () => {
    const root = await folder('office-v4/7bb8c06')
    const opened = await openOldOffice(root, 4)
    const { data } = opened
    const store = await data.office()
    await expectReceivedForms(data)
    expectNotice(store, true)
    expectAccountability(store)
    expect([...store.problemNos].map(([, no]) => no)).toEqual(['LXS-2024-100-9001', 'LXS-2024-100-9002', 'LXS-2024-100-9003'])
    expect(store.confirmations).toEqual([])
    await saveAgain(root, opened)
  })

  it('as first released (7bb8c06): the unit folder of the same program opens', async () => {
    await expectUnit(await folder('office-v4/7bb8c06'), [], { calendar: true })
  })
})

describe('attachment index v1 (cacf691)', () => {
  it('opens with every attachment, its removal and the files kept; marks and saves again', async () => {
    const root = await folder('attachments-v1/cacf691')
    const unit = join(root, 'unit')
    const file = join(unit, 'units', UNIT, 'attachments', 'index.json')
    const raw = await envelope(file)
    expect(raw).toMatchObject({ format: 'slw-attachments', schemaVersion: 1 })
    const data = dataDir(unit)
    const store = await data.attachments(UNIT)
    expect(store.notices).toEqual([])
    expect(store.all).toEqual(raw.payload['attachments'])
    expect(store.all.map((a) => [a.recordId, a.slot, a.name, a.type, a.size, a.takenAt, isRemoved(a)])).toEqual([
      [ID.b, '两断三清-断水', '断水.jpg', 'jpeg', 14731, '2024-05-14 10:23:45', false],
      [ID.b, '两断三清-清除设备', '清除设备.png', 'png', 21061, null, false],
      [ID.b, '验收材料', '大西关废品收购点验收意见.pdf', 'pdf', 99, null, false],
      [ID.a, '整改前', '断电.jpg', 'jpeg', 14288, '2024-05-14 10:41:02', true]
    ])
    expect(store.all[3]?.events).toEqual([
      { what: '添加', at: '2024-05-24T02:13:00.000Z', by: '马志强' },
      { what: '移除', at: '2024-05-24T02:15:00.000Z', by: '马志强' }
    ])
    for (const a of store.all) expect(sha256(await store.read(a.sha256))).toBe(a.sha256)
    const removed = store.all[3]
    if (!removed) throw new Error('no removed attachment')
    await store.mark(attachmentId(removed), '恢复', '马志强')
    await data.close()
    expect(await envelope(file)).toMatchObject({ schemaVersion: 1, generation: raw.generation + 1 })
    const again = dataDir(unit)
    expect((await again.attachments(UNIT)).all.map((a) => isRemoved(a))).toEqual([false, false, false, false])
    await again.close()
    await expectUnit(root)
  })
})

describe('complaints register v1 (9a06a68)', () => {
  it('opens at the office and at the unit with the report, its result and its record; the office registry with a confirmation', async () => {
    const root = await folder('complaints-v1/9a06a68')
    for (const side of ['office', 'unit']) {
      const dir = join(root, side)
      const raw = await envelope(join(dir, 'complaints.json'))
      expect(raw).toMatchObject({ format: 'slw-complaints-register', schemaVersion: 1 })
      const data = dataDir(dir)
      const store = await data.complaints()
      expect(store.notices).toEqual([])
      expect(store.complaints).toEqual(raw.payload['complaints'])
      expect(store.complaints).toEqual([
        expect.objectContaining({
          no: '举报〔2024〕1号',
          registrar: '领导小组办公室',
          receivedDate: '2024-06-21',
          channel: '12345',
          reporter: '张女士',
          reporterPhone: '13993011234',
          target: '前河沿社区韩氏洗车点',
          targetAddress: '临夏市八坊街道前河沿社区解放路33号',
          content: '洗车污水直接排入雨水井，路面常年积水，冬天结冰',
          assignedUnit: '八坊街道',
          dueDate: '2024-06-28',
          handling: { result: '经现场核查属实，已责令立即停止直排，列入升级改造，建设三级沉淀池', doneDate: '2024-06-24', feedbackDate: '2024-06-25', verified: '是' },
          record: expect.objectContaining({ unit: '八坊街道', problemNo: 'LXS-2024-005-0004' })
        })
      ])
      expect(store.complaints[0]?.history.map((h) => h.event)).toEqual(['登记', '交办', '转为问题记录', '办结', '反馈'])
      await store.replace((list) => ({ list: [...list], value: null }))
      await data.close()
      expect(await envelope(join(dir, 'complaints.json'))).toMatchObject({ schemaVersion: 1, generation: raw.generation + 1, payload: raw.payload })
    }

    const opened = await openOldOffice(root, 4)
    const { data } = opened
    const store = await data.office()
    expect(store.submissions.map((s) => [s.file, s.annex, s.rows.length])).toEqual([
      ['附件2-八坊街道-20240509.xlsx', 'annex2', 3],
      ['附件2-城郊镇.xlsx', 'annex2', 3],
      ['附件3-八坊街道-20240627.xlsx', 'annex3', 4]
    ])
    expect(store.confirmations).toEqual([
      {
        check: 'annex2-annex3:八坊街道',
        findings: ['附件3有1个问题不在附件2中（摸底后新发现的，应补报附件2）：前河沿社区韩氏洗车点'],
        note: '韩氏洗车点系6月21日群众举报新发现的问题，附件2将于下周补报',
        at: '2024-06-28T02:30:00.000Z',
        by: '王主任'
      }
    ])
    expectNotice(store, true)
    expectAccountability(store)
    await saveAgain(root, opened)

    const recordD = (await envelope(join(root, 'unit', 'units', UNIT, 'ledger.json'))).payload['records'] as { id: string; fields: RecordFields }[]
    expect(recordD[3]?.fields).toMatchObject({ name: '前河沿社区韩氏洗车点', source: '群众举报', remarks: '举报〔2024〕1号转入', category: '升级改造' })
    await expectUnit(root, [['LXS-2024-005-0004', recordD[3]?.fields as RecordFields]], { calendar: true })
  })
})

describe('import mappings v1 (1466c6d)', () => {
  it('opens with the column assignments a clerk made, keeps them on the next one, and the imported record is in the ledger', async () => {
    const root = await folder('importMappings-v1/1466c6d')
    const unit = join(root, 'unit')
    const raw = await envelope(join(unit, 'importMappings.json'))
    expect(raw).toMatchObject({ format: 'slw-import-mappings', schemaVersion: 1 })
    const signature = '序号|所在镇|企业名称|统一社会信用代码|经营场所|所属领域|问题类型|存在的主要问题|拟整治类别|整改要求|整改时限|备注说明'
    const data = dataDir(unit)
    const store = await data.importMappings()
    expect(store.notices).toEqual([])
    expect(store.find(signature)).toEqual({ 经营场所: 'address', 整改要求: 'measures', 备注说明: null })
    await store.remember('企业名称|地址', { 地址: 'address' })
    await data.close()
    expect(await envelope(join(unit, 'importMappings.json'))).toMatchObject({ schemaVersion: 1, generation: raw.generation + 1 })
    const again = dataDir(unit)
    expect((await again.importMappings()).find(signature)).toEqual({ 经营场所: 'address', 整改要求: 'measures', 备注说明: null })
    await again.close()
    await expectUnit(root, [
      [
        'LXS-2024-005-0004',
        {
          ...Object.fromEntries(Object.keys(RECORD_A).map((k) => [k, ''])),
          town: '八坊街道', name: '临夏市八坊街道清真食品加工坊', uscc: '91622901MA71NE2H3G', address: '临夏市八坊街道南关社区北大街6号', sector: '工业',
          problemTypes: ['污'], problems: '油烟直排，无净化设施', category: '升级改造', measures: '安装油烟净化器并定期清洗', deadline: '2024-07-31', foundDate: '2024-06-03'
        }
      ]
    ])
  })
})

describe('a file from a newer program whose payload this program cannot read', () => {
  it('is refused with the Chinese message, and nothing in the folder is changed', async () => {
    const root = await folder('office-v1/dfea18c')
    const file = registryOf(root, 'registry.json')
    const newer = OFFICE_SCHEMA_VERSION + 1
    // A version this program does not know, over a payload its schema refuses (the v1 payload as a newer program
    // might have reshaped it): the meta changes, the payload and its sha256 stay.
    await writeFile(file, (await readFile(file, 'utf8')).replace('"schemaVersion":1,', `"schemaVersion":${newer},`))
    const before = await tree(root)
    const data = dataDir(join(root, 'office'))
    await expect(data.office()).rejects.toMatchObject({
      code: 'READ_ONLY',
      message: `汇总登记文件 registry.json 由更新版本的程序保存（数据格式第 ${newer} 版），本程序无法打开。为防止数据丢失，没有改动任何文件。请升级程序。`
    })
    await data.close()
    expect(await tree(root)).toEqual(before)
  })
})
