/**
 * A 督察信访件 / 交办 list into the 举报受理登记 register, staged (reliability.md §4): the preview reads the table and
 * says what each row becomes, with every finding at its cell; nothing is written until the commit, which applies
 * the plan to the register in one durable write (applyTablePlan: a 受理编号 registered already is not again).
 */
import { randomUUID } from 'node:crypto'
import type { Campaign } from '@shared/campaign/campaign'
import type { Change } from '@shared/complaints/register'
import type { ComplaintTablePreview, TableContext, TableHeader, TablePlan } from '@shared/complaints/table'
import { applyTablePlan, findTableHeader, planComplaintTable, tableMessage, tableReady } from '@shared/complaints/table'
import type { LocatedIssue } from '@shared/domain/issues'
import { AppFailure } from '@shared/ipc/result'
import type { RawRead } from './import/readAnnexWorkbook'
import type { RawSheet } from './import/rawWorkbook'
import { cellText } from './import/cellText'
import type { DataDir } from './storage/ledgerStore'

export type ReadTable = (bytes: Buffer, fileName: string) => Promise<RawRead>

/** A 交办 list is tens of reports, a year's a few hundred; more rows than this is not such a list. */
const MAX_TABLE_ROWS = 2_000
const KEPT_STAGES = 5
/** Rows looked at for the header (findTableHeader looks no further). */
const HEADER_ROWS = 30

interface Staged {
  side: string
  file: string
  plan: TablePlan
}

/** A sheet's cell texts, merged ranges below the header filled into every cell they cover (a 受理编号 over three rows). */
function sheetTexts(sheet: RawSheet, date1904: boolean, dataStart: number): string[][] {
  const rows = Array.from({ length: sheet.rows.length }, (_, r) => (sheet.rows[r] ?? []).map((cell) => cellText(cell, date1904)))
  for (const m of sheet.merges) {
    if (m.s.r < dataStart) continue
    const value = rows[m.s.r]?.[m.s.c] ?? ''
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) (rows[r] ??= [])[c] = value
  }
  return rows
}

export class ComplaintTableStager {
  private readonly staged = new Map<string, Staged>()

  constructor(
    private readonly dataDir: DataDir,
    private readonly campaign: Campaign,
    private readonly read: ReadTable
  ) {}

  /** What importing the table would do; nothing is written. */
  async preview(fileName: string, bytes: Buffer, ctx: Omit<TableContext, 'campaign' | 'existing'>): Promise<ComplaintTablePreview> {
    const units = this.campaign.units.map((u) => u.name)
    const base = { stageId: '', file: fileName, defaultUnit: ctx.defaultUnit, units }
    const refused = (issue: Omit<LocatedIssue, 'severity' | 'cell' | 'row' | 'column'>, sheet: string | null = null): ComplaintTablePreview => ({
      ...base,
      sheet,
      refused: true,
      counts: { reports: 0, new: 0, done: 0, existing: 0, result: 0, skipped: 0, withErrors: 0, needUnit: 0 },
      rows: [],
      issues: [{ severity: 'error', cell: null, row: null, column: null, ...issue }],
      ready: false
    })
    const read = await this.read(bytes, fileName)
    if (!read.ok) return refused({ code: read.code, sheet: read.sheet, message: read.message })
    const { workbook } = read
    let found: { sheet: RawSheet; header: TableHeader } | null = null
    for (const sheet of [...workbook.sheets.filter((s) => !s.hidden), ...workbook.sheets.filter((s) => s.hidden)]) {
      const header = findTableHeader(sheetTexts({ ...sheet, rows: sheet.rows.slice(0, HEADER_ROWS), merges: [] }, workbook.date1904, 0))
      if (header) {
        found = { sheet, header }
        break
      }
    }
    if (!found) {
      const message = `文件“${fileName}”中没有交办件表格：没有哪个工作表的表头行含有「交办问题基本情况」（或举报内容、问题描述）和「受理编号」「行政区域」等列，请确认选择的是督察信访件或交办件清单`
      return refused({ code: 'MISSING_COLUMN', sheet: null, message })
    }
    const { sheet, header } = found
    const dataRows = sheet.rows.length - header.row - 1
    if (dataRows > MAX_TABLE_ROWS) {
      return refused({ code: 'TOO_MANY_ROWS', sheet: sheet.name, message: `文件“${fileName}”工作表“${sheet.name}”表头下有 ${dataRows} 行，超过交办件表格 ${MAX_TABLE_ROWS} 行的上限，请拆分后再导入` }, sheet.name)
    }
    const existing = (await this.dataDir.complaints()).complaints
    const plan = planComplaintTable(sheetTexts(sheet, workbook.date1904, header.row + 1), header, { file: fileName, sheet: sheet.name }, { ...ctx, campaign: this.campaign, existing })
    const stageId = randomUUID()
    this.staged.set(stageId, { side: ctx.side, file: fileName, plan })
    for (const id of [...this.staged.keys()].slice(0, -KEPT_STAGES)) this.staged.delete(id)
    return { ...base, stageId, sheet: sheet.name, refused: false, counts: plan.counts, rows: plan.rows, issues: plan.issues, ready: tableReady(plan) }
  }

  /** Registers what the preview showed, in one write; the sentence that says what was done. */
  async commit(stageId: string, change: Change): Promise<string> {
    const staged = this.staged.get(stageId)
    if (!staged || staged.side !== change.side) throw new AppFailure('NOT_FOUND', '这次导入的预览已失效，请重新选择交办件表格导入。')
    if (!tableReady(staged.plan)) {
      const { withErrors, needUnit } = staged.plan.counts
      const why = withErrors > 0 ? `有 ${withErrors} 件有错误` : needUnit > 0 ? `有 ${needUnit} 件没有分办单位，请选择默认分办单位` : '没有需要导入的交办件'
      throw new AppFailure('INVALID_INPUT', `“${staged.file}”未导入：${why}。`)
    }
    const store = await this.dataDir.complaints()
    const outcome = await store.replace((list) => {
      const applied = applyTablePlan(list, staged.plan.reports, change, staged.file)
      return { list: applied.list, value: applied }
    })
    this.staged.delete(stageId)
    return tableMessage(staged.file, outcome)
  }
}
