import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { PAGE_HEIGHT, PageKeeper } from '../../../electron/services/merge/pageBreaks'

/** A sheet of `count` rows of 20 pt. */
function sheet(count: number): ExcelJS.Worksheet {
  const ws = new ExcelJS.Workbook().addWorksheet('合并报告')
  for (let r = 1; r <= count; r++) ws.getRow(r).height = 20
  return ws
}
const perPage = Math.floor(PAGE_HEIGHT / 20)
/** Manual page breaks (after these rows); missing from exceljs' typings. */
const breaks = (ws: ExcelJS.Worksheet): number[] =>
  (ws as unknown as { rowBreaks: { id: number }[] }).rowBreaks.map((b) => b.id)

describe('keeping a report section together', () => {
  it('leaves the page as it is when the section fits under what is already there', () => {
    const ws = sheet(10)
    new PageKeeper(ws).keep(11, 100)
    expect(breaks(ws)).toEqual([])
  })

  it('starts a new page before a section that would not fit at the foot of this one', () => {
    const ws = sheet(perPage - 2)
    new PageKeeper(ws).keep(perPage - 1, 100)
    expect(breaks(ws)).toEqual([perPage - 2])
  })

  it('counts from where the printer breaks by itself, and from its own breaks', () => {
    const ws = sheet(3 * perPage)
    const pages = new PageKeeper(ws)
    pages.keep(perPage + 5, 100) // five rows into the second page: room enough
    expect(breaks(ws)).toEqual([])
    pages.keep(2 * perPage - 1, 100) // near the foot of the second page
    pages.keep(2 * perPage + 2, 100) // right under its own break
    expect(breaks(ws)).toEqual([2 * perPage - 2])
  })
})
