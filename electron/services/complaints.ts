/**
 * 举报受理登记 of this data folder (issue 21): the office or a unit registers reports, the assigned unit records what it
 * did and turns a report into a problem record of its ledger; reports travel between them in an exchange file; the
 * register prints as a form; a 督察信访件 / 交办 list comes in staged, a report per 受理编号 (complaintTable.ts). Which
 * side this folder is comes from its profile; what a report is matched against (the unit's ledger, or everything the
 * office received) is given by the caller.
 */
import { randomUUID } from 'node:crypto'
import type { Campaign } from '@shared/campaign/campaign'
import { unitName } from '@shared/campaign/campaign'
import type { Change, Complaint, ComplaintInput, ComplaintResult, ComplaintSide } from '@shared/complaints/register'
import type { MatchSources } from '@shared/complaints/match'
import { compareComplaints, complaintState, complaintStats, editRegistration, linkRecord, mayEditRegistration, mayRecordResult, nextComplaintNo, OFFICE_REGISTRAR, recordResult, registerComplaint, resultProblem } from '@shared/complaints/register'
import { complaintMatcher, complaintToRecordFields } from '@shared/complaints/match'
import { ComplaintExchangeSchema, exchangeFor, mergeExchange } from '@shared/complaints/exchange'
import type { ComplaintTablePreview } from '@shared/complaints/table'
import { chinaDate } from '@shared/domain/chinaTime'
import type { ComplaintsView, ExportedFile, Profile } from '@shared/ipc/contract'
import { AppFailure } from '@shared/ipc/result'
import { fieldText } from '@shared/ledger/record'
import type { ReadTable } from './complaintTable'
import { ComplaintTableStager } from './complaintTable'
import { writeComplaintsWorkbook } from './export/complaintsWorkbook'
import { readRawWorkbook } from './import/readAnnexWorkbook'
import type { DataDir } from './storage/ledgerStore'

/** Who is working: the side (office, or a unit's name), the unit's ledger id, and the clerk. */
export interface ComplaintActor {
  side: ComplaintSide
  /** The unit's id (its ledger); null at the office. */
  unitId: string | null
  by: string
}

/** Whose register a data folder keeps, from its profile: the office's, or the unit's; null before the first set-up. */
export function complaintActorOf(profile: Pick<Profile, 'unitId' | 'filler'> | null, campaign: Campaign): ComplaintActor | null {
  if (!profile) return null
  const office = profile.unitId === campaign.office.id
  return { side: office ? 'office' : unitName(campaign, profile.unitId), unitId: office ? null : profile.unitId, by: profile.filler }
}

/** An exchange file is a few hundred reports of text: 2 MB is far more than any. */
const EXCHANGE_MAX_BYTES = 2 * 1024 * 1024

export class ComplaintService {
  private readonly table: ComplaintTableStager

  constructor(
    private readonly dataDir: DataDir,
    private readonly campaign: Campaign,
    private readonly clock: { now: () => Date; today: () => string },
    private readonly sources: (actor: ComplaintActor) => Promise<MatchSources>,
    /** Reads a 交办 list (any spreadsheet, in the parser thread); the app's passes where its parser is and its log. */
    readTable: ReadTable = (bytes, name) => readRawWorkbook(bytes, name)
  ) {
    this.table = new ComplaintTableStager(dataDir, campaign, readTable)
  }

  /** What importing a 督察信访件 / 交办 list would register; nothing is written. */
  async tablePreview(actor: ComplaintActor, fileName: string, bytes: Buffer, defaultUnit: string | null): Promise<ComplaintTablePreview> {
    if (defaultUnit !== null) this.assertUnit(defaultUnit)
    return this.table.preview(fileName, bytes, { side: actor.side, today: this.clock.today(), defaultUnit })
  }

  async tableCommit(actor: ComplaintActor, stageId: string): Promise<ComplaintsView & { message: string }> {
    const message = await this.table.commit(stageId, this.change(actor))
    return { ...(await this.view(actor)), message }
  }

  async view(actor: ComplaintActor): Promise<ComplaintsView> {
    const store = await this.dataDir.complaints()
    const today = this.clock.today()
    const match = complaintMatcher(await this.sources(actor))
    const list = [...store.complaints].sort(compareComplaints).reverse()
    const units = this.campaign.units.map((u) => u.name)
    return {
      side: actor.side === 'office' ? OFFICE_REGISTRAR : actor.side,
      today,
      units,
      notices: store.notices,
      rows: list.map((c) => ({
        ...c,
        state: complaintState(c, today),
        matches: match(c).map(({ kind, label, message }) => ({ kind, label, message })),
        mayEdit: mayEditRegistration(c, actor.side),
        mayHandle: mayRecordResult(c, actor.side)
      })),
      stats: complaintStats(list, today, actor.side === 'office' ? units : [])
    }
  }

  async register(actor: ComplaintActor, input: ComplaintInput): Promise<ComplaintsView> {
    this.assertUnit(input.assignedUnit)
    const change = this.change(actor)
    const year = Number(input.receivedDate.slice(0, 4))
    await (await this.dataDir.complaints()).replace((list) => ({ list: [...list, registerComplaint(input, nextComplaintNo(list, actor.side, year), change)], value: null }))
    return this.view(actor)
  }

  async edit(actor: ComplaintActor, no: string, input: ComplaintInput): Promise<ComplaintsView> {
    this.assertUnit(input.assignedUnit)
    await this.update(no, (c) => {
      if (!mayEditRegistration(c, actor.side)) throw new AppFailure('FORBIDDEN', `${c.no}由${c.registrar}登记，登记信息只能由其修改。`)
      return editRegistration(c, input, this.change(actor))
    })
    return this.view(actor)
  }

  async result(actor: ComplaintActor, no: string, result: ComplaintResult): Promise<ComplaintsView> {
    await this.update(no, (c) => {
      if (!mayRecordResult(c, actor.side)) throw new AppFailure('FORBIDDEN', `${c.no}已交${c.assignedUnit}办理，办理结果由其填写。`)
      const problem = resultProblem(c, result)
      if (problem) throw new AppFailure('INVALID_INPUT', `${problem}。`)
      return recordResult(c, result, this.change(actor))
    })
    return this.view(actor)
  }

  /**
   * Turns a report into a problem record of the unit's ledger (来源 群众举报), linked both ways: the record names the
   * report in 备注, the report keeps the record. Done again after a crash between the two writes, it finds the
   * record by that 备注 instead of adding a second one.
   */
  async toRecord(actor: ComplaintActor, no: string): Promise<ComplaintsView & { problemNo: string }> {
    const { unitId } = actor
    const store = await this.dataDir.complaints()
    const complaint = store.complaints.find((c) => c.no === no)
    if (!complaint) throw notFound(no)
    if (unitId === null || !mayRecordResult(complaint, actor.side)) {
      throw new AppFailure('FORBIDDEN', `${no}已交${complaint.assignedUnit}办理，由其在本单位台账中转为问题记录。`)
    }
    if (complaint.record) throw new AppFailure('INVALID_INPUT', `${no}已转为问题记录 ${complaint.record.problemNo}。`)
    const ledger = await this.dataDir.ledger(unitId)
    const fields = complaintToRecordFields(complaint, this.campaign)
    let record = ledger.view().records.find((r) => fieldText(r.fields, 'remarks') === fields['remarks'])
    if (!record) {
      const id = randomUUID()
      await ledger.save({ unitId, baseGeneration: ledger.generation, changes: { upserts: [{ id, fields }], deletes: [] } }, actor.by)
      record = ledger.view().records.find((r) => r.id === id)
    }
    if (!record) throw new AppFailure('INTERNAL', '问题记录未能保存，请重试。')
    const link = { unit: complaint.assignedUnit, recordId: record.id, problemNo: record.problemNo }
    await this.update(no, (c) => linkRecord(c, link, this.change(actor)))
    return { ...(await this.view(actor)), problemNo: record.problemNo }
  }

  /** The file for `to` (a unit; null: the office). The reporter goes only when asked (the unit must call back). */
  async exportExchange(actor: ComplaintActor, to: string | null, includeReporter: boolean): Promise<ExportedFile> {
    if (to !== null) this.assertUnit(to)
    const store = await this.dataDir.complaints()
    const file = exchangeFor(store.complaints, to, actor.side, this.clock.now().toISOString(), { includeReporter })
    if (file.complaints.length === 0) throw new AppFailure('INVALID_INPUT', `没有${to ? `交${to}办理的` : '需要报给领导小组办公室的'}举报。`)
    const name = `举报交办-${file.from}至${to ?? OFFICE_REGISTRAR}-${chinaDate(this.clock.now()).replace(/-/g, '')}.json`
    return { fileName: name, data: Buffer.from(JSON.stringify(file, null, 1), 'utf8').toString('base64') }
  }

  async importExchange(actor: ComplaintActor, fileName: string, bytes: Buffer): Promise<ComplaintsView & { message: string }> {
    const refuse = (why: string): AppFailure => new AppFailure('INVALID_INPUT', `“${fileName}”${why}，请选择领导小组办公室或成员单位在程序中导出的举报交办文件（.json）。`)
    if (bytes.length > EXCHANGE_MAX_BYTES) throw refuse('超过 2 MB，不是举报交办文件')
    let parsed
    try {
      parsed = ComplaintExchangeSchema.safeParse(JSON.parse(bytes.toString('utf8')))
    } catch {
      throw refuse('不是有效的 JSON 文件')
    }
    if (!parsed.success) throw refuse('不是举报交办文件，或内容不完整')
    const incoming = parsed.data
    const outcome = await (await this.dataDir.complaints()).replace((list) => {
      const merged = mergeExchange(list, incoming, actor.side)
      return { list: merged.list, value: merged }
    })
    const said = `已导入${incoming.from}的举报交办文件：新增 ${outcome.added} 件，更新 ${outcome.updated} 件。`
    return { ...(await this.view(actor)), message: [said, ...outcome.ignored.map((i) => `${i}。`)].join('') }
  }

  async exportForm(actor: ComplaintActor, contact: { filler: string; phone: string }): Promise<ExportedFile> {
    const store = await this.dataDir.complaints()
    const now = this.clock.now()
    const office = actor.side === 'office'
    const unitName = office ? this.campaign.office.name : actor.side
    const bytes = await writeComplaintsWorkbook({ campaign: this.campaign, complaints: store.complaints, today: this.clock.today(), now, contact, unitName })
    const named = office ? this.campaign.office.shortName : actor.side
    return { fileName: `举报受理登记表-${named}-${chinaDate(now).replace(/-/g, '')}.xlsx`, data: bytes.toString('base64') }
  }

  private change(actor: ComplaintActor): Change {
    return { side: actor.side, at: this.clock.now().toISOString(), by: actor.by }
  }

  private assertUnit(name: string): void {
    if (!this.campaign.units.some((u) => u.name === name)) throw new AppFailure('INVALID_INPUT', `“${name}”不是本次整治工作的成员单位，请从列表中选择分办单位。`)
  }

  private async update(no: string, change: (c: Complaint) => Complaint): Promise<void> {
    await (await this.dataDir.complaints()).replace((list) => {
      const i = list.findIndex((c) => c.no === no)
      if (i < 0) throw notFound(no)
      return { list: list.map((c, k) => (k === i ? change(c) : c)), value: null }
    })
  }
}

const notFound = (no: string): AppFailure => new AppFailure('NOT_FOUND', `登记簿中没有${no}，请刷新后再试。`)
