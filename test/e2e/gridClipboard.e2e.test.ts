/**
 * Paste by the form's printed layout and copy out, in Chromium at 1366×768: rows copied from an exported 附件2
 * (A:Z with 序号) and from a hand-made sheet without 序号 land field by field; ticked rows and a block of cells go
 * to the clipboard as TSV, as Excel and WPS read it.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { Page } from 'playwright-core'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import { cnDate } from '@shared/domain/dates'
import { valueFromText, valueToText } from '@shared/validation/cellInput'
import { unitFormInput } from '../../electron/services/annexExport'
import { writeAnnexWorkbook } from '../../electron/services/export/workbook'
import { readAnnexWorkbook } from '../../electron/services/import/readAnnexWorkbook'
import { ImportStager } from '../../electron/services/ledgerImport'
import { DataDir } from '../../electron/services/storage/ledgerStore'
import type { RunningApp } from './harness'
import { annex2Fixtures, cell, dataDirFor, launchApp } from './harness'

let app: RunningApp
let page: Page
/** The exported 附件2 of 城郊镇, its data rows A:Z as Excel shows them. */
let exported: string[][]
const shots = process.env['CLIPBOARD_SHOTS'] ?? join(tmpdir(), 'clipboard')
const FIELDS = annex2.columns.filter((c) => c.kind !== 'seq')

/** 八坊街道's ledger is empty; 城郊镇's holds clean-chengjiao.xlsx, exported as the printed 附件2. */
beforeAll(async () => {
  const dir = await dataDirFor({ unitId: 't005', filler: '马晓明', phone: '0930-6212345' })
  const data = new DataDir(dir, { appVersion: 'test', campaign: defaultCampaign })
  const stager = new ImportStager(data, defaultCampaign, (b, name, annex) => readAnnexWorkbook(b, name, { annex }))
  const preview = await stager.preview('t100', 'clean-chengjiao.xlsx', await readFile(join(annex2Fixtures, 'clean-chengjiao.xlsx')))
  await stager.commit('t100', preview.stageId, false, '王国华')
  const records = (await data.ledger('t100')).view().records
  await data.close()
  const input = unitFormInput({ annex: annex2, campaign: defaultCampaign, unitName: '城郊镇', records, profile: null, template: false, appVersion: 'test', now: new Date(), today: '2024-05-10' })
  const { bytes } = await writeAnnexWorkbook(input)
  const wb = XLSX.read(bytes)
  const sheet = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[annex2.sheetName] as XLSX.WorkSheet, { header: 1, raw: false, defval: '' })
  const first = sheet.findIndex((r) => r[0] === '1')
  exported = sheet.slice(first, first + 6).map((r) => r.slice(0, 26))
  expect(exported.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6'])
  app = await launchApp({ dataDir: dir, viewport: { width: 1366, height: 768 } })
  page = app.page
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'])
  mkdirSync(shots, { recursive: true })
})
afterAll(async () => {
  await app?.close()
})

/** A block as Excel puts it on the clipboard: cells with a tab, quote or line break quoted, CRLF after each row. */
function excelTsv(rows: readonly (readonly string[])[]): string {
  const cell = (t: string): string => (/[\t\n\r"]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t)
  return rows.map((r) => r.map(cell).join('\t') + '\r\n').join('')
}

async function pasteInto(row: number, col: string, text: string): Promise<void> {
  await cell(page, row, col).click()
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  await page.keyboard.press('ControlOrMeta+V')
}

const clipboardRows = async (): Promise<string[][]> => {
  const text = await page.evaluate(() => navigator.clipboard.readText())
  expect(text.endsWith('\r\n')).toBe(true)
  return Papa.parse<string[]>(text.slice(0, -2), { delimiter: '\t' }).data
}

/** The fields of a source row (A:Z) a grid row does not show in their columns, read as an import reads them. */
async function mismatches(gridRow: number, source: readonly string[]): Promise<string[]> {
  const shown = await page.evaluate(
    ({ row, keys }) => keys.map((k) => document.querySelector(`[role="row"][row-index="${row}"] [role="gridcell"][col-id="${k}"]`)?.textContent ?? null),
    { row: gridRow, keys: FIELDS.map((c) => c.key) }
  )
  return FIELDS.flatMap((col, i) => {
    const want = valueToText(valueFromText(col, source[i + 1] ?? '', defaultCampaign))
    // The grid may show a date as 2024-06-30 or 2024年6月30日.
    const accepted = col.kind === 'date' && want ? [want, cnDate(want)] : [want]
    const cellText = shown[i]
    return cellText !== null && cellText !== undefined && accepted.includes(cellText) ? [] : [`第${gridRow + 1}行 ${col.header}：显示“${cellText}”，应为“${want}”`]
  })
}

/**
 * Every field of a source row shows in its column of a grid row. Polled: the page's count moves with the model,
 * the grid repaints the rows a frame or more later.
 */
async function expectRow(gridRow: number, source: readonly string[]): Promise<void> {
  await expect.poll(() => mismatches(gridRow, source)).toEqual([])
}

const notice = (): ReturnType<Page['locator']> => page.locator('.notice').first()

describe('paste by the printed layout and copy out (Chromium, 1366×768)', () => {
  it('opens 八坊街道 with an empty 摸底台账', async () => {
    await expect.poll(() => page.locator('.summary').textContent()).toContain('共 0 条')
  })

  it('three rows of an exported 附件2 (A:Z with 序号), pasted into the 序号 cell of a new row, land field by field; one undo takes them back', async () => {
    await page.getByRole('button', { name: '新增一行' }).click()
    await pasteInto(0, 'seq', excelTsv(exported.slice(0, 3)))
    await expect.poll(() => page.locator('.summary').textContent()).toContain('共 3 条')
    for (let r = 0; r < 3; r++) await expectRow(r, exported[r] as string[])
    const said = (await notice().textContent()) ?? ''
    expect(said).toContain('已按附件2的列顺序粘贴 3 行（其中新增 2 行）：第2–26列→乡镇（街道）…备注。第1列是序号，由程序编号或计算，已跳过。')
    await page.screenshot({ path: join(shots, 'pasted-export.png') })

    await page.getByRole('button', { name: '撤销' }).click()
    await expect.poll(() => page.locator('.summary').textContent()).toContain('共 1 条')
    expect(await cell(page, 0, 'name').textContent()).toBe('')
    await page.getByRole('button', { name: '重做' }).click()
    await expect.poll(() => page.locator('.summary').textContent()).toContain('共 3 条')
    await expectRow(2, exported[2] as string[])
  })

  it('three rows of a hand-made sheet without 序号 (one with a two-line 备注) land the same', async () => {
    const handMade = exported.slice(3, 6).map((r) => r.slice(1))
    handMade[0]?.splice(24, 1, '租赁场地\n待核实')
    await page.getByRole('button', { name: '新增一行' }).click()
    await pasteInto(3, 'seq', excelTsv(handMade))
    await expect.poll(() => page.locator('.summary').textContent()).toContain('共 6 条')
    for (let r = 0; r < 3; r++) await expectRow(3 + r, ['', ...(handMade[r] as string[])])
    expect(await notice().textContent()).toContain('已按附件2的列顺序粘贴 3 行（其中新增 2 行）：第1–25列→乡镇（街道）…备注。可用')
  })

  it('copies two ticked rows out as TSV, values as displayed, and with the header row on Ctrl+Shift+C', async () => {
    // The pasted rows saved and numbered first: a save landing between the two copies would change 问题编号.
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^已保存/ }).count(), { timeout: 10_000 }).toBe(1)
    for (const r of [2, 3]) await cell(page, r, 'ag-Grid-SelectionColumn').locator('input').check()
    await cell(page, 0, 'name').click()
    await page.keyboard.press('ControlOrMeta+C')
    await expect.poll(() => notice().textContent()).toContain('已复制所勾选的 2 行；按 Ctrl+Shift+C 可连表头一起复制')
    const rows = await clipboardRows()
    expect(rows).toHaveLength(2)
    // 序号, 问题编号 (given on save), then the fields in the grid's order; the two-line 备注 comes back whole.
    const columns = await page.evaluate(() =>
      [...document.querySelectorAll('.ag-header-row-column [col-id]')].map((h) => h.getAttribute('col-id') as string).filter((id) => !id.startsWith('ag-Grid-'))
    )
    expect(rows[0]?.[columns.indexOf('seq')]).toBe('3')
    expect(rows[1]?.[columns.indexOf('seq')]).toBe('4')
    for (const [k, gridRow] of [2, 3].entries()) {
      for (const key of ['name', 'uscc', 'phone', 'problemTypes', 'category', 'deadline', 'remarks']) {
        expect(rows[k]?.[columns.indexOf(key)], key).toBe(await cell(page, gridRow, key).textContent())
      }
    }
    expect(rows[1]?.[columns.indexOf('remarks')]).toBe('租赁场地\n待核实')

    await page.keyboard.press('ControlOrMeta+Shift+C')
    await expect.poll(() => notice().textContent()).toContain('已复制所勾选的 2 行（含表头）')
    const withHeader = await clipboardRows()
    expect(withHeader).toHaveLength(3)
    const header = (key: string): string | undefined => withHeader[0]?.[columns.indexOf(key)]
    expect([header('seq'), header('problemNo'), header('town'), header('name'), header('licBusiness')]).toEqual(['序号', '问题编号', '乡镇（街道）', '企业（场所）名称', '营业执照'])
    expect(withHeader.slice(1)).toEqual(rows)
    for (const r of [2, 3]) await cell(page, r, 'ag-Grid-SelectionColumn').locator('input').uncheck()
  })

  it('shift+click and shift+arrows select a block; Ctrl+C copies it', async () => {
    await cell(page, 1, 'uscc').click()
    await cell(page, 3, 'phone').click({ modifiers: ['Shift'] })
    await expect.poll(() => page.locator('.cell-in-block').count()).toBe(9)
    await page.keyboard.press('Shift+ArrowRight')
    await page.keyboard.press('Shift+ArrowDown')
    await expect.poll(() => page.locator('.cell-in-block').count()).toBe(16)
    await page.screenshot({ path: join(shots, 'block-selection.png') })
    await page.keyboard.press('ControlOrMeta+C')
    await expect.poll(() => notice().textContent()).toContain('已复制选中的 4 行 4 列单元格；')
    const rows = await clipboardRows()
    const want: string[][] = []
    for (let r = 1; r <= 4; r++) {
      const row: string[] = []
      for (const key of ['uscc', 'operator', 'phone', 'address']) row.push((await cell(page, r, key).textContent()) ?? '')
      want.push(row)
    }
    expect(rows).toEqual(want)
    // A plain click ends the block.
    await cell(page, 0, 'town').click()
    await expect.poll(() => page.locator('.cell-in-block').count()).toBe(0)
    writeFileSync(join(shots, 'copied.tsv'), await page.evaluate(() => navigator.clipboard.readText()))
  })
})
