/**
 * The plan's own words for 拟整治类别 (annexes.md §2.2, issue 19): a unit's file that says 停产整治, 整治类 or 关停 as the
 * plan does is read without a wrong-value error; 清理类 and 关停并转 name no single class and are refused with the
 * choices named, at their cell.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { slw } from '../../helpers/slwProcess'

const fixture = resolve(import.meta.dirname, '../../fixtures/annex2/clean-bafang.xlsx')
const WORDS = ['停产整治', '整治类', '关停', '关闭取缔', '依法取缔', '清理类', '关停并转']

/** clean-bafang.xlsx with the 拟整治类别 of its first rows written in the plan's words; the cell of each. */
function withPlanWords(): { file: string; cells: string[] } {
  const book = XLSX.read(readFileSync(fixture))
  const sheet = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet
  const range = XLSX.utils.decode_range(sheet['!ref'] as string)
  let header: XLSX.CellAddress | undefined
  for (let r = range.s.r; r <= range.e.r && !header; r++) {
    for (let c = range.s.c; c <= range.e.c; c++) {
      if (String(sheet[XLSX.utils.encode_cell({ r, c })]?.v ?? '').replace(/\s/g, '') === '拟整治类别') header = { r, c }
    }
  }
  if (!header) throw new Error('no 拟整治类别 header in the fixture')
  const column = header.c
  // The first record is the row numbered 1 in 序号 (column A), below the two header rows.
  let first = header.r + 1
  while (String(sheet[XLSX.utils.encode_cell({ r: first, c: 0 })]?.v ?? '') !== '1') first++
  const cells = WORDS.map((word, i) => {
    const ref = XLSX.utils.encode_cell({ r: first + i, c: column })
    sheet[ref] = { t: 's', v: word }
    return ref
  })
  const file = join(mkdtempSync(join(tmpdir(), 'slw-plan-words-')), '附件2-八坊街道.xlsx')
  writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
  return { file, cells }
}

describe('slw check reads the plan’s words for 拟整治类别', () => {
  it('takes 停产整治 / 整治类 / 关停 / 关闭取缔 / 依法取缔 and refuses only 清理类 and 关停并转, naming the choices', async () => {
    const { file, cells } = withPlanWords()
    const { code, stdout } = await slw('check', file, '--json')
    const json = JSON.parse(stdout) as { ok: boolean; rowCount: number; issues: { code: string; cell?: string; message: string }[] }
    expect(json.rowCount).toBe(30)
    expect(json.issues.filter((i) => i.code === 'ENUM_INVALID')).toEqual([])
    const ambiguous = json.issues.filter((i) => i.code === 'ENUM_AMBIGUOUS')
    expect(ambiguous.map((i) => i.cell)).toEqual(cells.slice(5))
    expect(ambiguous[0]?.message).toContain('「拟整治类别」“清理类”可指关停取缔或整合搬迁，请按该企业的实际情况改填其中之一')
    expect(ambiguous[1]?.message).toContain('“关停并转”可指关停取缔、整合搬迁或升级改造')
    expect(code).toBe(1)
    expect(json.ok).toBe(false)
  })
})
