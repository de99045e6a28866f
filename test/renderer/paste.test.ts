import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { annex3 } from '@shared/annexes/annex3'
import type { AnnexColumn, AnnexDefinition } from '@shared/annexes/types'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { valueFromText } from '@shared/validation/cellInput'
import { parseClipboardTsv, toClipboardTsv } from '../../renderer/src/features/ledger/clipboardTsv'
import { describePaste, planPaste } from '../../renderer/src/features/ledger/paste'
import type { PasteTarget } from '../../renderer/src/features/ledger/paste'

/** 城郊镇's 附件2 as a unit sent it (A:Z with 序号, two-level header on rows 4–5), each cell as Excel shows it. */
const sheet = ((): string[][] => {
  const wb = XLSX.read(readFileSync(join(import.meta.dirname, '../fixtures/annex2/clean-chengjiao.xlsx')))
  const ws = wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet
  return XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: false, defval: '' })
})()
const HEADER = sheet.slice(3, 5)
/** Three records, A:Z. */
const ROWS = sheet.slice(5, 8)
const FIELDS = annex2.columns.filter((c) => c.kind !== 'seq')

/** What an import stores for a row of the A:Z layout. */
const expected = (row: readonly string[]): RecordFields => Object.fromEntries(FIELDS.map((c, i) => [c.key, valueFromText(c, row[i + 1] ?? '', defaultCampaign)]))

/** A new row of the 摸底台账 (pasted into it) and nothing after: the block's other rows become new rows. */
const newRowTarget = (anchorKey: string): PasteTarget => ({ rowIds: ['r1'], startRow: 0, anchorKey, createsRecords: true })

const paste = (block: string[][], anchorKey: string, annex: AnnexDefinition<RecordFields> = annex2, target = newRowTarget(anchorKey)) =>
  planPaste(parseClipboardTsv(toClipboardTsv(block)), annex, target, defaultCampaign, { town: '城郊镇', responsibleUnit: '城郊镇' })

/** Every row of the plan (the patched one, then the new ones) has every field of its source row. */
function expectLanded(plan: ReturnType<typeof paste>): void {
  expect(plan.refused).toBeNull()
  expect(plan.patches).toHaveLength(1)
  expect(plan.patches[0]?.fields).toEqual(expected(ROWS[0] as string[]))
  // A blank cell keeps the new row's default.
  const written = (f: RecordFields): RecordFields => Object.fromEntries(Object.entries(f).filter(([, v]) => v.length > 0))
  expect(plan.newRows).toEqual(ROWS.slice(1).map((r) => ({ town: '城郊镇', responsibleUnit: '城郊镇', ...written(expected(r)) })))
}

describe('clipboard TSV (Excel / WPS)', () => {
  it('splits tabs and CRLF rows and ignores the trailing line break Excel adds', () => {
    expect(parseClipboardTsv('甲\t乙\r\n丙\t丁\r\n')).toEqual([
      ['甲', '乙'],
      ['丙', '丁']
    ])
  })
  it('keeps quoted cells with line breaks, tabs and doubled quotes, and empty cells at the end of a row', () => {
    expect(parseClipboardTsv('"第一行\n第二行"\t"带""引号"""\t"a\tb"\r\n末\t\t\r\n')).toEqual([
      ['第一行\n第二行', '带"引号"', 'a\tb'],
      ['末', '', '']
    ])
  })
  it('reads a cell that only starts with a quote as it is', () => {
    expect(parseClipboardTsv('"老马"汽修\t无\r\n')).toEqual([['"老马"汽修', '无']])
  })
  it('writes what it reads: quotes the cells with line breaks, tabs or quotes, CRLF after each row', () => {
    const rows = [['第一行\n第二行', '带"引号"', 'a\tb', '1'], ['', '乱、污', '', '']]
    const text = toClipboardTsv(rows)
    expect(text).toBe('"第一行\n第二行"\t"带""引号"""\t"a\tb"\t1\r\n\t乱、污\t\t\r\n')
    expect(parseClipboardTsv(text)).toEqual(rows)
  })
})

describe('planPaste by the printed layout', () => {
  it('an exported 附件2 (A:Z with 序号) pasted into the 序号 cell of a new row: every field in its column', () => {
    const plan = paste(ROWS, 'seq')
    expectLanded(plan)
    expect(plan.mapping.by).toBe('order')
    expect(plan.mapping.columns[0]).toMatchObject({ to: 'computed', column: { key: 'seq' } })
    expect(describePaste(plan, annex2, '附件2')).toBe(
      '已按附件2的列顺序粘贴 3 行（其中新增 2 行）：第2–26列→乡镇（街道）…备注。第1列是序号，由程序编号或计算，已跳过。可用“撤销”一次恢复。'
    )
  })

  it('a hand-made sheet without 序号, pasted into the 序号 cell or the 乡镇 cell, lands the same', () => {
    const without = ROWS.map((r) => r.slice(1))
    expectLanded(paste(without, 'seq'))
    expectLanded(paste(without, 'problemNo'))
    expectLanded(paste(without, 'town'))
  })

  it('a sheet with its own 问题编号 after 序号 skips both', () => {
    const plan = paste(ROWS.map((r, i) => [r[0] as string, `LXS-2024-003-000${i + 1}`, ...r.slice(1)]), 'seq')
    expectLanded(plan)
    expect(plan.mapping.columns.slice(0, 2)).toMatchObject([{ to: 'computed' }, { to: 'computed', column: { key: 'problemNo' } }])
  })

  it('A:Z with 序号 pasted into a cell in the middle of the row still lands by the layout', () => {
    expectLanded(paste(ROWS, 'name'))
  })

  it('a block from the middle of the form starts at the anchor', () => {
    // 企业（场所）名称 … 完成时限 (D:U), pasted at 企业（场所）名称.
    const plan = paste(ROWS.map((r) => r.slice(3, 21)), 'name')
    const keys = FIELDS.slice(2, 20).map((c) => c.key)
    expect(plan.mapping.columns.map((m) => (m.to === 'field' ? m.column.key : m.to))).toEqual(keys)
    expect(plan.patches[0]?.fields).toEqual(Object.fromEntries(keys.map((k) => [k, (expected(ROWS[0] as string[]))[k]])))
    // One column of names goes where it is pasted, whichever row it starts on.
    const names = planPaste([['甲厂'], ['乙厂']], annex2, { rowIds: ['a', 'b', 'c'], startRow: 1, anchorKey: 'name', createsRecords: true }, defaultCampaign, {})
    expect(names.patches).toEqual([
      { id: 'b', fields: { name: '甲厂' } },
      { id: 'c', fields: { name: '乙厂' } }
    ])
  })

  it('maps columns by a header row (one or two levels, synonyms, any order) and drops it', () => {
    expectLanded(paste([...HEADER, ...ROWS], 'name'))
    // A unit's own order and wording: 名称, 地址, 电话, 信用代码, 乡镇 + a column the form does not have.
    const own = [['名称', '地址', '电话', '信用代码', '乡镇', '网格员'], ...ROWS.map((r) => [r[3], r[7], r[6], r[4], r[1], '马某'] as string[])]
    const plan = paste(own, 'seq')
    expect(plan.mapping.by).toBe('header')
    expect(plan.patches[0]?.fields).toEqual({ name: ROWS[0]?.[3], address: ROWS[0]?.[7], phone: ROWS[0]?.[6], uscc: ROWS[0]?.[4], town: '城郊镇' })
    expect(describePaste(plan, annex2, '附件2')).toContain('第1列→企业（场所）名称，第2列→详细地址，第3列→联系电话，第4列→统一社会信用代码，第5列→乡镇（街道）。第6列“网格员”不是附件2的列，未粘贴。')
  })

  it('an exported 附件3 lands with or without its computed columns (两断三清 √/×, 整治进展)', () => {
    const printed = annex3.columns
    const values: Record<string, string> = {
      seq: '1', town: '城郊镇', name: '临夏市金鼎建材有限公司', uscc: '91622901MA7PC620FM', address: '临夏市城郊镇王坪村枹罕路250号', deadline: '2024年6月30日', leadDept: '市自然资源局', problemTypes: '乱',
      category: '关停取缔', stoppedFirst: '是', stopDate: '2024年5月20日', tlcWaterMark: '√', tlcPowerMark: '√', tlcMaterialsMark: '×', tlcProductsMark: '×',
      tlcEquipmentMark: '×', tlcDoneDate: '', caseFiled: '是', decisionNo: '临市监罚〔2024〕12号', fineAmount: '1.5', referredPolice: '否', progress: '整治中',
      completeDate: '', evidence: 'CJ-012', responsiblePerson: '喇明德', remarks3: '断水断电已完成'
    }
    const row = (cols: readonly AnnexColumn[]): string[] => cols.map((c) => values[c.key] ?? '')
    const typed = printed.filter((c) => c.kind !== 'seq' && !c.derive)
    const target: PasteTarget = { rowIds: ['r1'], startRow: 0, anchorKey: 'seq', createsRecords: false }
    const want = Object.fromEntries(typed.map((c) => [c.key, valueFromText(c, values[c.key] ?? '', defaultCampaign)]))
    expect(Object.keys(values).sort()).toEqual(printed.map((c) => c.key).sort())
    for (const cols of [printed, printed.filter((c) => !c.derive), typed]) {
      const plan = paste([row(cols)], 'seq', annex3, target)
      expect(plan.patches[0]?.fields).toEqual(want)
    }
    const exported = paste([row(printed)], 'seq', annex3, target)
    expect(describePaste(exported, annex3, '附件3')).toContain('第1、12–17、22列是序号、断水、断电、清除原料、清除产品、清除设备、两断三清完成日期、整治进展，由程序编号或计算，已跳过。')
  })

  it('refuses what it cannot paste, and says which and why', () => {
    // Past the last column, a 合计 row, rows past the end of a form that creates no records.
    const wide = paste([[...(ROWS[0] as string[]), '多余'], ['合计', '', '', '3'], ...ROWS.slice(1).map((r) => [...r, ''])], 'seq', annex2, {
      rowIds: ['r1'],
      startRow: 0,
      anchorKey: 'seq',
      createsRecords: false
    })
    expect(wide.patches).toHaveLength(1)
    expect(wide.newRows).toEqual([])
    expect(describePaste(wide, annex2, '附件2')).toContain('第27列超出附件2的最后一列，未粘贴。1 个合计行未粘贴。超出本表最后一行的 2 行未粘贴（新问题请在摸底台账中登记）。')
    // A value longer than a cell can hold: nothing is pasted, and the notice names the cell.
    const long = paste([ROWS[0] as string[], ['2', '城郊镇', '', '临夏市' + '甲'.repeat(40_000)]], 'seq')
    expect(long.patches).toEqual([])
    expect(long.newRows).toEqual([])
    expect(long.refused).toBe('第2行第4列（企业（场所）名称）有 40,003 字，超过 32,767 字的上限，未粘贴任何内容；请删减后再粘贴。')
    // A value typed into a computed column is not pasted there.
    const derived = paste([['√']], 'tlcWaterMark', annex3, { rowIds: ['r1'], startRow: 0, anchorKey: 'tlcWaterMark', createsRecords: false })
    expect(derived.patches).toEqual([{ id: 'r1', fields: {} }])
    expect(describePaste(derived, annex3, '附件3')).toContain('第1列是断水，由程序编号或计算，已跳过。')
  })
})
