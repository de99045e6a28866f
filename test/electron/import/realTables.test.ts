/**
 * Tables as clerks receive them (issue 22): a single header row in other counties' words, a 一企一策 list of three
 * enterprises, a list with an unknown column the clerk assigns. None is refused: once the table is recognised (its
 * name column and one more), every row comes in, a field the table lacks left to complete (未填完); what stays a refusal
 * says which headers were recognised and the nearest field of each other one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseMappingText } from '@shared/annexes/columnMapping'
import { recordAnnex } from '@shared/annexes/registry'
import { run as check } from '../../../electron/cli/commands/check'
import type { ImportResult } from '../../../electron/services/import/importResult'
import { isFileRefused } from '../../../electron/services/import/importResult'
import type { ReadOptions } from '../../../electron/services/import/readAnnexWorkbook'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'
import { captureOutput } from '../../helpers/captureOutput'
import type { Col, Plain } from '../../helpers/handMadeForms'
import { handMadeXlsx } from '../../helpers/handMadeForms'

const said = captureOutput()

async function read(cols: Col[], rows: Plain[][], options: ReadOptions = {}, title = '临夏市“散乱污”企业整治清单'): Promise<ImportResult> {
  return readAnnexWorkbook(await handMadeXlsx({ title, unitLine: null, cols, rows }), '清单.xlsx', { annex: 'auto', ...options })
}

const mapping = (text: string): NonNullable<ReadOptions['mapping']> => {
  const parsed = parseMappingText(text, recordAnnex)
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.mapping
}

const YIQIYICE: Col[] = ['序号', '企业名称', '企业存在的问题', '整改意见']
const YIQIYICE_ROWS: Plain[][] = [
  [1, '临夏市祥和石材加工厂', '无喷淋降尘设施，边角料露天堆放', '11月底前完成喷淋降尘设施安装'],
  [2, '临夏市马进才汽修部', '无喷漆房，废机油随意存放', '11月底前建成密闭喷漆房'],
  [3, '临夏市兴旺食品加工坊', '燃煤炉灶无治理设施', '11月底前改用电能']
]

describe('a table clerks receive', () => {
  it('a 一企一策 list of three enterprises comes in whole, its missing fields left to complete', async () => {
    const r = await read(YIQIYICE, YIQIYICE_ROWS)
    expect(isFileRefused(r)).toBe(false)
    expect(r.annex).toBe('annex2')
    expect(r.rows.map((row) => row.fields['name'])).toEqual(['临夏市祥和石材加工厂', '临夏市马进才汽修部', '临夏市兴旺食品加工坊'])
    const missing = r.issues.filter((i) => i.code === 'MISSING_COLUMN')
    expect(missing.every((i) => i.severity === 'warning')).toBe(true)
    expect(missing.find((i) => i.column === '详细地址')?.message).toBe(
      '文件“清单.xlsx”工作表“Sheet1”缺少「详细地址」列（模板中为 H 列），各行的「详细地址」为空，导入后列为未填完，请补全'
    )
    // Each row: the blank required fields flagged at the row, as 未填完 in the grid.
    const first = r.rows[0]?.issues.filter((i) => i.code === 'REQUIRED_EMPTY').map((i) => i.column)
    expect(first).toEqual(expect.arrayContaining(['乡镇（街道）', '详细地址', '拟整治类别']))
  })

  it('a header row in another county\'s words is read field by field', async () => {
    const cols: Col[] = ['序号', '行政区域', '企业名称', '法人代表', '企业地址', '企业存在的问题', '整治类别', '整改意见', '整改时限']
    const r = await read(cols, [[1, '折桥镇', '临夏市祥和石材加工厂', '马进才', '折桥镇大庄村4社16号', '无喷淋降尘设施', '提升改造', '安装喷淋降尘设施', '2024年6月底前']])
    expect(isFileRefused(r)).toBe(false)
    expect(r.rows[0]?.fields).toMatchObject({
      name: '临夏市祥和石材加工厂',
      operator: '马进才',
      address: '折桥镇大庄村4社16号',
      problems: '无喷淋降尘设施',
      category: '升级改造',
      measures: '安装喷淋降尘设施',
      deadline: '2024-06-30'
    })
    expect(r.issues.find((i) => i.code === 'DATE_CONVERTED')?.message).toContain('“2024年6月底前”按2024-06-30（该月最后一天）导入，请核对')
  })

  it('a 一企一策 list with one deadline 11月底前 brings every enterprise, the deadline asking for its year', async () => {
    const r = await read([...YIQIYICE, '整改时限'], YIQIYICE_ROWS.map((row) => [...row, '11月底前']))
    expect(r.rows.map((row) => [row.fields['name'], row.fields['measures']])).toEqual(YIQIYICE_ROWS.map((row) => [row[1], row[3]]))
    const year = r.rows[0]?.issues.find((i) => i.code === 'DATE_NO_YEAR')
    expect(year?.cell).toBe('E4')
    expect(year?.message).toContain('2024年11月30日')
  })

  it('a column whose values say its field is bound by them: 行政区域 of towns, phones; 行政区域 of 临夏市 is not', async () => {
    const cols: Col[] = ['序号', '行政区域', '企业名称', '负责人手机', '存在的主要问题']
    const towns = await read(cols, [
      [1, '折桥镇', '临夏市祥和石材加工厂', '13909301234', '无喷淋降尘设施'],
      [2, '八坊街道', '临夏市马进才汽修部', '0930-6212345', '无喷漆房']
    ])
    expect(towns.rows.map((r) => [r.fields['town'], r.fields['phone']])).toEqual([
      ['折桥镇', '13909301234'],
      ['八坊街道', '0930-6212345']
    ])
    expect(towns.issues.filter((i) => i.code === 'COLUMN_BY_VALUES').map((i) => i.message)).toEqual([
      '文件“清单.xlsx”工作表“Sheet1”B3单元格的列名“行政区域”不是附件2的列，但该列填的都是镇（街道）名，已作为「乡镇（街道）」导入；如不对，请在导入时指定对应',
      '文件“清单.xlsx”工作表“Sheet1”D3单元格的列名“负责人手机”不是附件2的列，但该列填的都是电话号码，已作为「联系电话」导入；如不对，请在导入时指定对应'
    ])
    const dated = await read(['序号', '企业名称', '存在的主要问题', '销号节点'], [
      [1, '临夏市祥和石材加工厂', '无喷淋降尘设施', '2024年6月底前'],
      [2, '临夏市马进才汽修部', '无喷漆房', '2024-7-15']
    ])
    expect(dated.rows.map((r) => r.fields['deadline'])).toEqual(['2024-06-30', '2024-07-15'])
    expect(dated.issues.find((i) => i.code === 'COLUMN_BY_VALUES')?.message).toContain('该列填的都是日期，已作为「完成时限」导入')
    const city = await read(cols, [[1, '临夏市', '临夏市祥和石材加工厂', '13909301234', '无喷淋降尘设施']])
    expect(city.rows[0]?.fields['town']).toBe('')
    expect(city.issues.find((i) => i.column === '行政区域')?.code).toBe('EXTRA_COLUMN')
  })

  it('a column of name and address together comes in as the name, the address left to complete, with a warning', async () => {
    const r = await read(['序号', '企业名称及地址', '存在的主要问题', '整治类别'], [[1, '临夏市祥和石材加工厂（折桥镇大庄村4社16号）', '无喷淋降尘设施', '淘汰类']])
    expect(isFileRefused(r)).toBe(false)
    expect(r.rows[0]?.fields).toMatchObject({ name: '临夏市祥和石材加工厂（折桥镇大庄村4社16号）', address: '', category: '关停取缔' })
    expect(r.issues.find((i) => i.code === 'MISSING_COLUMN' && i.column === '详细地址')?.message).toBe(
      '文件“清单.xlsx”工作表“Sheet1”缺少「详细地址」列（模板中为 H 列），各行的「详细地址」为空，导入后列为未填完，请补全；' +
        '“企业名称及地址”列（B3）名称和地址写在同一格，已整格作为企业（场所）名称导入，请把地址改填到「详细地址」'
    )
  })

  it('a column the clerk assigns is read into its field; one set to 忽略 is left out without a warning', async () => {
    const cols: Col[] = ['序号', '企业名称', '经营场所', '负责人电话', '存在的主要问题', '内部编号']
    const rows: Plain[][] = [[1, '临夏市祥和石材加工厂', '折桥镇大庄村4社16号', '13909301234', '无喷淋降尘设施', 'A-17']]
    const before = await read(cols, rows)
    expect(before.issues.find((i) => i.column === '经营场所')?.message).toContain('“经营场所”不是附件2的列，该列未导入；')
    const after = await read(cols, rows, { mapping: mapping('经营场所=详细地址，负责人电话=联系电话，内部编号=忽略') })
    expect(after.rows[0]?.fields).toMatchObject({ name: '临夏市祥和石材加工厂', address: '折桥镇大庄村4社16号', phone: '13909301234' })
    expect(after.columns.map((c) => [c.header, c.key])).toEqual(
      expect.arrayContaining([
        ['经营场所', 'address'],
        ['负责人电话', 'phone']
      ])
    )
    expect(after.issues.filter((i) => i.code === 'EXTRA_COLUMN')).toEqual([])
  })

  it('an unknown header near a missing field is named as that field, in both messages', async () => {
    const r = await read(['序号', '企业名称', '经营场所详细地址', '存在的主要问题'], [[1, '临夏市祥和石材加工厂', '折桥镇大庄村4社16号', '无喷淋降尘设施']])
    expect(r.issues.find((i) => i.code === 'EXTRA_COLUMN')?.message).toContain('可能是「详细地址」列，可在导入时指定对应（经营场所详细地址=详细地址）')
    expect(r.issues.find((i) => i.code === 'MISSING_COLUMN' && i.column === '详细地址')?.message).toContain(
      '原表的“经营场所详细地址”（C3）可能就是该列，可在导入时指定对应（经营场所详细地址=详细地址）'
    )
  })

  it('stays refused without a name column, saying what it recognised and the nearest field of the rest', async () => {
    const r = await read(['序号', '单位名称及位置', '存在的主要问题', '整改时限'], [[1, '祥和石材加工厂（折桥镇大庄村）', '无喷淋降尘设施', '2024-06-30']])
    expect(isFileRefused(r)).toBe(true)
    expect(r.issues[0]?.message).toBe(
      '文件“清单.xlsx”中没有找到附件2《临夏市“散乱污”问题摸底情况汇总表》的表格：没有哪个工作表的表头行含有「企业（场所）名称」和至少另一个附件2列名。' +
        '工作表“Sheet1”第3行最像表头：认出的列有 序号（序号）、存在的主要问题（存在的主要问题）、整改时限（完成时限）；未认出的列有 单位名称及位置 → 企业（场所）名称？；' +
        '请在导入时指定各列对应的附件2列（命令行用 --map，如 --map 企业地址=详细地址），或改用附件2模板填写'
    )
    const mapped = await read(['序号', '单位名称及位置', '存在的主要问题', '整改时限'], [[1, '祥和石材加工厂（折桥镇大庄村）', '无喷淋降尘设施', '2024-06-30']], {
      mapping: mapping('单位名称及位置=企业（场所）名称')
    })
    expect(isFileRefused(mapped)).toBe(false)
    expect(mapped.rows[0]?.fields).toMatchObject({ name: '祥和石材加工厂（折桥镇大庄村）', deadline: '2024-06-30' })
  })

  it('a sheet laid out one block per record is refused with that explanation', async () => {
    const block = (name: string, address: string): Plain[][] => [
      ['企业名称', name],
      ['详细地址', address],
      ['存在的主要问题', '无喷淋降尘设施'],
      [null]
    ]
    const rows = [...block('临夏市祥和石材加工厂', '折桥镇大庄村4社16号'), ...block('临夏市马进才汽修部', '八坊街道团结路12号')]
    const r = await readAnnexWorkbook(await handMadeXlsx({ title: '整治企业情况', unitLine: null, cols: ['项目', '内容'], rows }), '分块.xlsx', { annex: 'auto' })
    expect(isFileRefused(r)).toBe(true)
    expect(r.issues[0]?.message).toBe(
      '文件“分块.xlsx”工作表“Sheet1”是逐条分块排列的：A 列是列名（“企业（场所）名称”“详细地址”“存在的主要问题”等），右边一格是内容，每家一块，共 2 块。' +
        '程序只能读取每行一家、每列一项的表格，请把各块整理成这样的表格（或用附件2模板填写）后再导入'
    )
  })

  it('slw check takes the mapping as --map or --map-file, and names a target that is no field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slw-map-'))
    const file = join(dir, '清单.xlsx')
    writeFileSync(file, await handMadeXlsx({ title: '清单', unitLine: null, cols: ['企业名称', '经营场所', '存在的主要问题'], rows: [['临夏市祥和石材加工厂', '折桥镇大庄村4社16号', '无喷淋降尘设施']] }))
    writeFileSync(join(dir, 'map.json'), JSON.stringify({ 经营场所: '详细地址' }))
    for (const args of [['--map', '经营场所=详细地址'], ['--map-file', join(dir, 'map.json')]]) {
      said.out.length = 0
      await check([file, '--json', ...args])
      const json = JSON.parse(said.out.join('')) as { rows: { fields: Record<string, unknown> }[] }
      expect(json.rows[0]?.fields['address']).toBe('折桥镇大庄村4社16号')
    }
    said.err.length = 0
    expect(await check([file, '--map', '经营场所=门牌号'])).toBe(2)
    expect(said.err.join('')).toContain('--map：“门牌号”不是附件2的列，请写模板中的列名（如 详细地址、整治措施）或“忽略”。')
  })
})
