/**
 * Parser threads are reused from file to file (parseInWorker.ts). SheetJS keeps state between reads (the number
 * formats an .xls defines go into one global table), so a file must read exactly the same in a fresh thread and in
 * one that has parsed other workbooks, of every format, before it.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as XLSX from 'xlsx'
import { expect, it, vi } from 'vitest'
import type { ImportResult } from '../../../electron/services/import/importResult'
import { importLimits } from '../../../electron/services/import/limits'
import { parseInWorker } from '../../../electron/services/import/parseInWorker'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'
import { annex2Xlsx, sampleRows } from '../../fixtures/import/annex2Workbook'

const fixtures = resolve(import.meta.dirname, '../../fixtures/annex2')
const files = ['wps-like.xls', 'bafang.ods', 'mixed-dates.xlsx', 'messy-headers.xlsx', 'bad-values.xlsx', 'proto.xlsx']
const parser = new URL('../../../electron/services/import/parseWorker.mjs', import.meta.url)
/** A parser entry of its own: a thread that has parsed nothing else. */
const freshParser = (tag: string): URL => new URL(`${parser.href}?fresh=${encodeURIComponent(tag)}`)

function read(file: string, parserUrl = parser): Promise<ImportResult> {
  return readAnnexWorkbook(readFileSync(join(fixtures, file)), file, { parserUrl })
}

/** An .xls whose cell A2 shows a date through a custom number format. */
function xlsWithDate(): Buffer {
  const ws = XLSX.utils.aoa_to_sheet([['完成时限'], [45444]])
  ;(ws['A2'] as XLSX.CellObject).z = 'yyyy"年"m"月"d"日"'
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, '附件2')
  return XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer
}

/** The same file with its date format listed under the next number: the cell's style names a format it lacks. */
function withDateFormatMoved(xls: Buffer): Buffer {
  const out = Buffer.from(xls)
  const yyyy = Buffer.from('yyyy', 'utf16le')
  for (let i = 0; i + 6 < out.length; i++) {
    // A FORMAT record: type 0x041E, length, format number, then the format text.
    if (out.readUInt16LE(i) !== 0x041e || !out.subarray(i + 6, i + 4 + out.readUInt16LE(i + 2)).includes(yyyy)) continue
    out.writeUInt16LE(out.readUInt16LE(i + 4) + 1, i + 4)
    return out
  }
  throw new Error('no date format in the .xls')
}

it('does not lend a workbook the number formats of the one parsed before', async () => {
  const defining = xlsWithDate()
  const lacking = withDateFormatMoved(defining)
  const fresh = await parseInWorker(lacking, importLimits, freshParser('lacking'))
  expect(fresh.ok && fresh.workbook.sheets[0]?.rows[1]?.[0]).toEqual({ t: 'n', v: 45444 })
  await parseInWorker(defining, importLimits, parser)
  expect(await parseInWorker(lacking, importLimits, parser)).toEqual(fresh)
})

it('reads each fixture the same in a fresh parser thread and in one that parsed the others', async () => {
  const fresh = new Map<string, ImportResult>()
  for (const file of files) fresh.set(file, await read(file, freshParser(file)))
  for (const file of files) await read(file)
  for (const file of [...files].reverse()) expect(await read(file)).toEqual(fresh.get(file))
})

it('gives a file that comes as an idle thread is being ended a live thread, not the dying one', async () => {
  // The idle timer ends a thread; it used to stay in the pool until its exit event, and a good file handed to it
  // in those milliseconds was refused as 解析程序意外退出.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  try {
    const bytes = await annex2Xlsx({ rows: sampleRows(3) })
    expect((await readAnnexWorkbook(bytes, 'a.xlsx')).issues).toEqual([])
    await vi.advanceTimersByTimeAsync(60_000)
    expect((await readAnnexWorkbook(bytes, 'b.xlsx')).issues).toEqual([])
  } finally {
    vi.useRealTimers()
  }
})
