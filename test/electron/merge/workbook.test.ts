/**
 * The office's consolidated workbook read back the ways others will read it (SheetJS, exceljs, our importer): every
 * figure recomputed from the consolidation's rows, every row traceable to its file, and no workbook at all when an
 * equation fails.
 */
import type ExcelJS from 'exceljs'
import * as XLSX from 'xlsx'
import { beforeAll, describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import type { Consolidation } from '@shared/merge/types'
import { canonicalRecordHash, metaIsConsistent, parseExportMeta } from '../../../electron/services/export/meta'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'
import { writeConsolidatedWorkbook } from '../../../electron/services/merge/consolidatedWorkbook'
import { printedRows } from '../../../electron/services/merge/printedRows'
import { formCells, readExcelJs, readSheetJs, sheetRows } from '../export/readBack'
import { streamedForm } from '../export/streamedForm'
import { fileOf, MISSING, OPTIONS, sampleConsolidation, UNITS } from './workbookFactory'

const OFFICE = defaultCampaign.office.name
const COLS = annex2.columns
const noBreaks = (v: unknown): string => String(v ?? '').replace(/\n/g, '')
const col = (key: string): number => COLS.findIndex((c) => c.key === key)
/** The units in campaign order, as the workbook lists them. */
const UNIT_ORDER = defaultCampaign.units.map((u) => u.name).filter((n) => UNITS.some((u) => u.unit === n))
const FORM_SHEETS = ['汇总', '明细', ...UNIT_ORDER, '重复与冲突', '未报送单位', '合并报告']

/** A stat column's count, recomputed from its printed header: 按问题类型 / 按领域 / 按拟整治类别 → value. */
function countFor(group: string, header: string, rows: readonly RecordFields[]): number {
  if (group === '按问题类型') return rows.filter((r) => (r['problemTypes'] as string[]).includes(header)).length
  if (group === '按领域') return rows.filter((r) => r['sector'] === header).length
  if (group === '按拟整治类别') return rows.filter((r) => r['category'] === header).length
  return rows.length
}

/** Rows of a sheet whose column A is a number (序号), with their 1-based row numbers. */
function numberedRows(rows: unknown[][], from = 5): [number, unknown[]][] {
  return rows.flatMap((r, i) => (i >= from && typeof r[0] === 'number' ? [[i + 1, r] as [number, unknown[]]] : []))
}

describe('the consolidated workbook of eight units', () => {
  const c = sampleConsolidation()
  let bytes: Buffer
  let book: XLSX.WorkBook
  let ej: ExcelJS.Workbook
  const rows = (name: string): unknown[][] => sheetRows(book, name)

  beforeAll(async () => {
    bytes = await writeConsolidatedWorkbook(c, OPTIONS)
    book = readSheetJs(bytes)
    ej = await readExcelJs(bytes)
  })

  it('orders the sheets 汇总, 明细, one per unit in campaign order, 重复与冲突, 未报送单位, 合并报告, then the hidden ones', () => {
    expect(book.SheetNames).toEqual([...FORM_SHEETS, '_lists', '_meta'])
    expect(book.Workbook?.Sheets?.map((s) => s.Hidden)).toEqual([...FORM_SHEETS.map(() => 0), 1, 2])
  })

  it('prints A4 landscape one page wide, with page numbers, and repeats the header rows of every form', () => {
    const titles = (book.Workbook?.Names ?? []).filter((n) => n.Name === '_xlnm.Print_Titles')
    for (const [index, name] of FORM_SHEETS.entries()) {
      const ws = ej.getWorksheet(name) as ExcelJS.Worksheet
      const fit = { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
      expect(ws.pageSetup, name).toMatchObject({ paperSize: 9, orientation: 'landscape', ...fit })
      expect(ws.headerFooter.oddFooter, name).toContain('第 &P 页 共 &N 页')
      const repeated = titles.find((n) => n.Sheet === index)?.Ref
      // 合并报告 is several tables, each with its own header.
      expect(repeated, name).toBe(name === '合并报告' ? undefined : `'${name}'!$4:$5`)
    }
  })

  it('汇总: one row per unit in campaign order, each figure recomputed from the rows, and 合计', () => {
    const r = rows('汇总')
    expect(r[1]?.[0]).toBe('临夏市“散乱污”问题摸底情况汇总表（分单位统计）')
    expect(String(r[2]?.[0])).toContain(`填报单位（盖章）：${OFFICE}`)
    expect(String(r[2]?.[0])).toContain('汇总日期：2024年5月11日')
    // Row 4 holds a group's text in its first cell only (merged); row 5 the leaves, or nothing under a solo header.
    const width = r[3]?.length ?? 0
    const groups: string[] = []
    const stats = Array.from({ length: width }, (_, i) => {
      groups[i] = noBreaks(r[3]?.[i]) || (groups[i - 1] ?? '')
      return { h: noBreaks(r[4]?.[i]) || (groups[i] ?? ''), g: groups[i] ?? '', i }
    }).slice(2, -1)
    expect(stats.map((s) => s.h)).toEqual(annex2.stats?.columns.map((s) => s.header))
    const fieldsOf = (unit?: string): RecordFields[] =>
      c.rows.filter((x) => !unit || x.unit === unit).map((x) => x.fields)
    UNIT_ORDER.forEach((unit, k) => {
      const line = r[5 + k] ?? []
      expect(line.slice(0, 2)).toEqual([k + 1, unit])
      for (const s of stats) expect(line[s.i], `${unit} ${s.g}${s.h}`).toBe(countFor(s.g, s.h, fieldsOf(unit)))
    })
    const total = r[5 + UNIT_ORDER.length] ?? []
    expect(total[0]).toBe('合计')
    for (const s of stats) expect(total[s.i], `合计 ${s.h}`).toBe(countFor(s.g, s.h, fieldsOf()))
    expect(total[2]).toBe(c.rows.length)
    expect(r[5 + UNIT_ORDER.indexOf('城郊镇')]?.at(-1)).toBe('含重复 1 条')
  })

  it('汇总: states distinct problems against the 合计, the open conflicts and the missing units', () => {
    const text = rows('汇总').map((x) => String(x[0] ?? '')).join('\n')
    expect(c.distinctProblems).toBeLessThan(c.rows.length)
    const repeated = c.rows.length - c.distinctProblems
    expect(text).toContain(`各单位合计 ${c.rows.length} 条，不重复问题 ${c.distinctProblems} 个（${repeated} 条`)
    expect(text).toContain('跨单位重复 3 组，其中未处理 1 组')
    expect(text).toContain(`未报送单位 4 个（${MISSING.join('、')}）`)
  })

  it('明细: the annex header plus 来源单位 and 来源文件, one row per consolidated row, and 合计', () => {
    const r = rows('明细')
    const headers = COLS.length + 2
    const leaf = (i: number): string => noBreaks(r[4]?.[i]) || noBreaks(r[3]?.[i])
    expect(Array.from({ length: headers }, (_, i) => leaf(i))).toEqual([
      ...COLS.map((c) => c.header),
      '来源单位',
      '来源文件'
    ])
    c.rows.forEach((row, k) => {
      const line = r[5 + k] ?? []
      expect(line[0]).toBe(k + 1)
      expect(line[col('name')]).toBe(row.fields['name'])
      expect(line.slice(COLS.length)).toEqual([row.unit, row.provenance.file])
    })
    const total = r[5 + c.rows.length] ?? []
    expect(total[0]).toBe('合计')
    expect(total[col('name')]).toBe(c.rows.length)
  })

  it('明细: marks the rows of duplicate groups in 备注 and with a grey ground, and only those', () => {
    const r = rows('明细')
    const ws = ej.getWorksheet('明细') as ExcelJS.Worksheet
    const remarks = (k: number): string => String(r[5 + k]?.[col('remarks')] ?? '')
    const marks = c.rows.map((_, k) => /【.*】$/.exec(remarks(k))?.[0] ?? null)
    const at = (unit: string): string | null | undefined =>
      marks[c.rows.findIndex((x) => x.unit === unit && x.duplicate)]
    expect(at('城郊镇')).toBe('【与枹罕镇重复，待定】')
    expect(at('枹罕镇')).toBe('【与城郊镇重复，待定】')
    expect(at('西关街道')).toBe('【与东关街道重复，两单位分别统计】')
    expect(at('八坊街道')).toBe('【与城南街道重复，归属八坊街道】')
    c.rows.forEach((row, k) => {
      expect(marks[k] !== null, `row ${k + 6}`).toBe(row.duplicate === true)
      const fill = ws.getCell(6 + k, col('name') + 1).fill as ExcelJS.FillPattern | undefined
      expect(fill?.fgColor?.argb === 'FFD9D9D9', `row ${k + 6}`).toBe(row.duplicate === true)
    })
  })

  it('gives each unit its own sheet in the annex layout, 填报单位 and 填报日期 from its file', () => {
    for (const u of UNITS) {
      const r = rows(u.unit)
      const own = c.rows.filter((x) => x.unit === u.unit)
      expect(String(r[2]?.[0])).toContain(`填报单位（盖章）：${u.unit}`)
      const [y, m, d] = u.filledDate.split('-').map(Number)
      expect(String(r[2]?.[0])).toContain(`填报日期：${y}年${m}月${d}日`)
      expect(noBreaks(r[3]?.[col('name')])).toBe('企业（场所）名称')
      expect(r.slice(5, 5 + own.length).map((x) => x[col('name')])).toEqual(own.map((x) => x.fields['name']))
      expect(r[5 + own.length]?.[0]).toBe('合计')
      expect(r[5 + own.length]?.[col('name')]).toBe(own.length)
      expect(r.map((x) => String(x[0] ?? '')).join('\n')).toContain(`“${fileOf(u.unit)}”`)
    }
  })

  it('prints each unit sheet exactly as that unit’s rows print on a form of their own (cells, looks, heights)', async () => {
    const printed = printedRows(c, annex2)
    for (const u of UNITS) {
      const own = printed.filter((p) => p.row.unit === u.unit)
      const header = { unitName: u.unit, filler: '', phone: '', filledDate: u.filledDate }
      const rows = own.map((p) => p.fields)
      const { bytes: alone } = await streamedForm(u.unit, { annex: annex2, campaign: defaultCampaign, rows, header, blankRows: 0, shaded: (k) => (own[k]?.group ? 'duplicate' : null) })
      // Up to 合计: the notes below it name the file the office used.
      const upToTotal = <T extends { r: number }>(form: T[]): T[] => form.filter((x) => x.r <= 6 + own.length)
      const [inWorkbook, expected] = [upToTotal(await formCells(bytes, u.unit)), upToTotal(await formCells(alone, u.unit))]
      expect(inWorkbook.length, u.unit).toBe(6 + own.length)
      expect(inWorkbook, u.unit).toEqual(expected)
    }
  })

  it('重复与冲突: each group with its key, the members side by side and the decision in Chinese', () => {
    const r = rows('重复与冲突')
    const ws = book.Sheets['重复与冲突'] as XLSX.WorkSheet
    const merges = (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m))
    const members = r.slice(5).filter((x) => typeof x[4] === 'number')
    expect(members).toHaveLength(6)
    c.duplicateGroups.forEach((g, i) => {
      const top = 6 + 2 * i
      expect(r[top - 1]?.[0]).toBe(i + 1)
      const key = noBreaks(r[top - 1]?.[1])
      if (g.keyType === 'uscc') expect(key).toBe(`统一社会信用代码${g.key.slice('uscc:'.length)}`)
      else expect(key).toMatch(/^名称＋地址相同/)
      g.rows.forEach((m, k) => {
        expect(r[top - 1 + k]?.slice(2, 8)).toEqual([m.unit, m.file, m.row, m.name, m.address, m.uscc])
      })
      for (const L of ['A', 'B', 'I', 'J', 'K']) expect(merges).toContain(`${L}${top}:${L}${top + 1}`)
    })
    expect(r.map((x) => x[8])).toEqual(expect.arrayContaining(['未处理', '两单位分别统计', '归属八坊街道']))
    expect(String(r[7]?.[9])).toMatch(/^马XX，2024年5月11日 \d\d:10$/)
    expect(r[7]?.[10]).toBe('两单位交界，分别整治')
    expect(r.map((x) => String(x[0] ?? '')).join('\n')).toContain('共 3 组，已处理 2 组，未处理 1 组。')
  })

  it('未报送单位: each missing unit with its full name, the plan’s deadline and a blank contact column', () => {
    const r = rows('未报送单位')
    expect(noBreaks(r[3]?.[6])).toBe('分管领导及联系电话')
    MISSING.forEach((unit, i) => {
      const line = r[5 + i] ?? []
      expect(line.slice(0, 2)).toEqual([i + 1, unit])
      expect(line[2]).toBe(defaultCampaign.units.find((u) => u.name === unit)?.fullName)
      expect(line[4]).toContain('附件2')
      expect(line[5]).toBe('2024年5月10日前')
      expect(line[6]).toBeUndefined()
    })
  })

  it('合并报告: every file with its status in Chinese, counts and SHA-256 (short, and full in a hidden column)', () => {
    const r = rows('合并报告')
    const text = r.map((x) => String(x[0] ?? '')).join('\n')
    expect(text).toContain('操作人：马XX')
    expect(text).toContain('程序版本：0.1.0-test')
    const files = numberedRows(r).filter(([, x]) => typeof x[5] === 'number' && String(x[1]).includes('.xls'))
    expect(files.map(([, x]) => x[1])).toEqual(c.submissions.map((s) => s.file))
    const status = { accepted: '采用', superseded: '被新版本替代', 'duplicate-file': '重复文件', rejected: '退回' }
    files.forEach(([, x], i) => {
      const s = c.submissions[i]!
      expect(x.slice(4, 9)).toEqual([status[s.status], s.read, s.accepted, s.rejected, s.blankSkipped])
      expect(x[10]).toBe(s.sha256.slice(0, 12))
      expect(x[11]).toBe(s.sha256)
    })
    const ws = ej.getWorksheet('合并报告') as ExcelJS.Worksheet
    expect(ws.getColumn(12).hidden).toBe(true)
    expect(files.find(([, x]) => x[4] === '被新版本替代')?.[1][9]).toContain('现用“附件2-南龙镇-v2.xlsx”')
  })

  it('合并报告: each equation as a 差异 = 0 line with 相符, the version changes and every decision', () => {
    const r = rows('合并报告')
    for (const e of c.equations) {
      const line = r.find((x) => x[1] === e.label)
      expect(line, e.label).toBeDefined()
      expect(line?.slice(5)).toEqual([e.left, undefined, e.right, undefined, '差异 = 0', '相符'])
    }
    const text = r.map((x) => x.filter((v) => v !== undefined).join('|')).join('\n')
    expect(text).toContain('二、核对等式（共 9 项，全部相符）')
    expect(text).toContain('南龙镇：“附件2-南龙镇-v1.xlsx”（2024年5月8日） → “附件2-南龙镇-v2.xlsx”（2024年5月10日），新增 1 条，删除 1 条，修改 2 条')
    expect(text).toContain('修改|6|6|')
    expect(text).toContain('拟整治类别、整治措施、完成时限')
    expect(text).toContain('临夏市马福祥洗车店|删除|11|92622901MA72BFX91W')
    expect(text).toContain('六、处理决定记录（共 3 项，按作出先后）')
    expect(text).toContain('已被后来的决定取代：同一企业后来另有决定')
    expect(text).toContain('两单位分别统计|已执行：两行均保留，并标注重复')
    expect(text).toContain('未报送单位 4 个：城北街道、红园街道、东区街道、折桥镇')
  })

  it('_meta: very hidden, kind consolidated, one provenance row per 明细 row with its content hash', () => {
    const meta = parseExportMeta(rows('_meta'))
    expect(meta).toMatchObject({ kind: 'consolidated', campaignId: defaultCampaign.id, annexId: 'annex2' })
    expect(meta).toMatchObject({ annexVersion: annex2.version, unitName: OFFICE, filledDate: '2024-05-11' })
    expect(meta).toMatchObject({ appVersion: '0.1.0-test', recordCount: c.rows.length })
    expect(meta?.exportedAt).toBe(OPTIONS.now.toISOString())
    expect(metaIsConsistent(meta!)).toBe(true)
    const detail = rows('明细')
    meta?.records.forEach((m, k) => {
      const p = c.rows[k]!.provenance
      expect(m.row).toBe(6 + k)
      expect(m.recordId).toBe(p.recordId)
      expect(m.source).toEqual({ unit: p.unit, file: p.file, sha256: p.sha256, sheet: p.sheet, row: p.row })
      // Of the row as printed (备注 with its duplicate mark).
      const printed: RecordFields = { ...c.rows[k]!.fields, remarks: String(detail[5 + k]?.[col('remarks')] ?? '') }
      expect(m.contentHash).toBe(canonicalRecordHash(annex2, printed))
    })
    expect(footerCheckCode(ej)).toBe(meta?.checkCode)
  })

  it('reads back through our importer as a roll-up input: every row, its unit and id, nothing edited', async () => {
    const result = await readAnnexWorkbook(bytes, '附件2-汇总.xlsx')
    expect(result.sheet).toBe('明细')
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(result.rows).toHaveLength(c.rows.length)
    result.rows.forEach((row, k) => {
      expect(row.fields['name']).toBe(String(c.rows[k]?.fields['name']).trim())
      expect(row.recordId).toBe(c.rows[k]?.provenance.recordId)
    })
    expect(result.ownExport).toMatchObject({ consistent: true, edited: 0, added: 0, removed: 0 })
  })
})

function footerCheckCode(wb: ExcelJS.Workbook): string | undefined {
  return /校验码：(\w+)/.exec(wb.getWorksheet('汇总')?.headerFooter.oddFooter ?? '')?.[1]
}

describe('a consolidation whose figures do not add up', () => {
  it('is refused with the failing equations listed in Chinese', async () => {
    const c = sampleConsolidation()
    const bad = { name: 'unit:城郊镇', label: '城郊镇：汇总 13 条 = 采用 14 条', left: 13, right: 14, ok: false }
    const broken: Consolidation = { ...c, equations: [...c.equations, bad] }
    await expect(writeConsolidatedWorkbook(broken, OPTIONS)).rejects.toThrow(
      '有 1 项核对不相符，不能生成汇总工作簿：\n1. 城郊镇：汇总 13 条 = 采用 14 条（左边 13，右边 14，差异 -1）'
    )
  })
})

describe('a consolidation with nothing to flag', () => {
  it('says so instead of leaving the office’s sheets empty', async () => {
    const c = sampleConsolidation()
    const rows = c.rows.map(({ duplicate: _, ...r }) => r)
    const clean: Consolidation = { ...c, rows, duplicateGroups: [], missingUnits: [], versionDiffs: [], decisions: [] }
    const book = readSheetJs(await writeConsolidatedWorkbook({ ...clean, distinctProblems: c.rows.length }, OPTIONS))
    const text = (name: string): string =>
      sheetRows(book, name)
        .map((x) => x.filter((v) => v !== undefined).join('|'))
        .join('\n')
    expect(text('重复与冲突')).toContain('无跨单位重复填报的企业（场所）。')
    expect(text('未报送单位')).toContain('应报送单位均已报送。')
    expect(text('合并报告')).toContain('本次没有单位报送新版本。')
    expect(text('合并报告')).toContain('本次汇总未作处理决定。')
    expect(text('汇总')).toContain('无跨单位重复')
    expect(text('明细')).not.toContain('【')
  })
})
