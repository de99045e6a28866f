/**
 * Rows of the bad-input catalogue (reliability.md §5) that no other test pinned down, each input generated here and
 * read the way a clerk's file is: `slw check` (readAnnexFile), the import preview (ImportStager) or `slw import`.
 * Every finding is asserted with its Chinese message naming the file, the sheet and the cell.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import ExcelJS from 'exceljs'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { annex3 } from '@shared/annexes/annex3'
import { annex4 } from '@shared/annexes/annex4'
import type { AnnexDefinition } from '@shared/annexes/types'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { run as importCommand } from '../../../electron/cli/commands/import'
import type { ImportIssue, ImportResult } from '../../../electron/services/import/importResult'
import { isFileRefused } from '../../../electron/services/import/importResult'
import { importLimits } from '../../../electron/services/import/limits'
import { readAnnexFile } from '../../../electron/services/import/readAnnexFile'
import { isDateStyle, readWithSheetJS } from '../../../electron/services/import/sheetjsReader.mjs'
import { readXlsx } from '../../../electron/services/import/xlsxReader.mjs'
import { writeAnnexWorkbook } from '../../../electron/services/export/workbook'
import { ImportStager } from '../../../electron/services/ledgerImport'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'
import { DataDir } from '../../../electron/services/storage/ledgerStore'
import { annex2Xlsx, columnOf, FIRST_DATA_ROW, sampleRows } from '../../fixtures/import/annex2Workbook'
import { zipBytes } from '../../fixtures/import/zipBytes'
import { captureOutput } from '../../helpers/captureOutput'
import { expectRefused } from '../../helpers/expectRefused'
import type { HandMade, Plain } from '../../helpers/handMadeForms'
import { forms, handMadeXlsx } from '../../helpers/handMadeForms'
import { exportInput, readExcelJs } from '../export/readBack'
import { sampleRecords } from '../export/sampleRecords'

// #33: a file Excel holds open on Windows (EBUSY) or a USB stick pulled mid-read (EIO), for the paths listed here.
const blocked = vi.hoisted(() => new Map<string, string>())
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  const readFile = (async (path: Parameters<typeof real.readFile>[0], ...rest: unknown[]) => {
    const code = blocked.get(String(path))
    if (code) throw Object.assign(new Error(`${code}: resource busy or locked, read`), { code })
    return (real.readFile as (...a: unknown[]) => Promise<unknown>)(path, ...rest)
  }) as typeof real.readFile
  return { ...real, default: { ...real, readFile }, readFile }
})

const { err } = captureOutput()
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slw-catalogue-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

async function onDisk(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, bytes)
  return path
}

function issueAt(result: ImportResult, cell: string): ImportIssue | undefined {
  return result.rows.flatMap((r) => r.issues).find((i) => i.cell === cell)
}

/** A valid 附件2 of three rows, built once: the hostile variants below are this file with parts replaced. */
let threeRows: Promise<Buffer> | undefined
const threeRowWorkbook = (): Promise<Buffer> => (threeRows ??= annex2Xlsx({ rows: sampleRows(3) }))

/**
 * The workbook with some of its parts replaced or added (directory entries left out), stored rather than
 * deflated: a 10 MiB part then costs a copy, and no compression ratio stands between it and the parser.
 */
function withParts(xlsx: Uint8Array, edit: (parts: Map<string, string | Buffer>) => void): Buffer {
  const parts = new Map<string, string | Buffer>()
  for (const [name, data] of Object.entries(unzipSync(xlsx))) if (!name.endsWith('/')) parts.set(name, Buffer.from(data))
  edit(parts)
  return zipBytes([...parts].map(([name, data]) => ({ name, data, store: true })))
}

const text = (parts: Map<string, string | Buffer>, name: string): string => String(parts.get(name))

describe('#2 an empty file and a truncated USB copy', () => {
  it('#2 0 bytes: EMPTY_FILE, 是空文件（0 字节）', async () => {
    const result = await readAnnexFile(await onDisk('附件2-空.xlsx', new Uint8Array()))
    expectRefused(result, 'EMPTY_FILE', '附件2-空.xlsx', '是空文件（0 字节），可能拷贝未完成，请重新拷贝')
  })

  it('#2 cut in half (no end-of-central-directory record): CORRUPT_ZIP, 不完整或已损坏', async () => {
    const whole = await threeRowWorkbook()
    const result = await readAnnexFile(await onDisk('附件2-半.xlsx', whole.subarray(0, whole.length >> 1)))
    expectRefused(result, 'CORRUPT_ZIP', '附件2-半.xlsx', '不完整或已损坏')
    expect(result.issues[0]?.message).toContain('请重新拷贝')
  })
})

/** A money column of a form made by hand, and where its first data cell is (sheet row 5 of a two-row header). */
const MONEY_FORMS: readonly { annex: AnnexDefinition<RecordFields>; form: HandMade; key: string; at: number; letter: string }[] = [
  { annex: annex3, form: forms['annex3'] as HandMade, key: 'fineAmount', at: 16, letter: 'Q' },
  { annex: annex4, form: forms['annex4'] as HandMade, key: 'investment', at: 9, letter: 'J' }
]
const NAME = 2
const USCC = 3
const FIRST_ROW = 5

/** The form's valid row once per value, each another enterprise (无 code, so no duplicates), the value in the money column. */
function moneyRows(form: HandMade, at: number, values: readonly Plain[]): Plain[][] {
  const [row] = form.rows as [Plain[]]
  return values.map((v, i) => row.map((cell, c) => (c === 0 ? i + 1 : c === NAME ? `${cell}${i}` : c === USCC ? '无' : c === at ? v : cell)))
}

describe.each(MONEY_FORMS)('#15 #16 numbers in $annex.label $key', ({ annex, form, key, at, letter }) => {
  const header = annex.columns.find((c) => c.key === key)?.header
  const refused = ['1,234.50', '12 345', '1.2万', '0.123', 0.123]
  const accepted: [Plain, string][] = [
    ['１２３', '123'],
    [0.1 + 0.2, '0.3'],
    ['1234.50', '1234.50']
  ]
  let result: ImportResult
  beforeAll(async () => {
    const rows = moneyRows(form, at, [...refused, ...accepted.map(([v]) => v)])
    const name = `${annex.label}-数字.xlsx`
    result = await readAnnexFile(await onDisk(name, await handMadeXlsx({ ...form, rows })), { annex })
  })

  it.each(refused.map((v, i) => [v, i] as const))(
    '#15 #16 %j (thousands separator, space, 万, more decimals than 万元 has) → NUMBER_INVALID, never guessed',
    (value, i) => {
      const cell = `${letter}${FIRST_ROW + i}`
      expect(issueAt(result, cell)).toMatchObject({ severity: 'error', code: 'NUMBER_INVALID', row: FIRST_ROW + i })
      expect(issueAt(result, cell)?.message).toBe(
        `文件“${annex.label}-数字.xlsx”工作表“Sheet1”${cell}单元格：「${header}」“${String(value)}”应为非负数，最多两位小数（单位：万元）`
      )
      expect(result.rows[i]?.fields[key]).toBe(String(value))
    }
  )

  it.each(accepted.map(([v, stored], i) => [v, stored, refused.length + i] as const))(
    '#15 #16 %j is taken as %s (full-width digits after NFKC; a number cell without its binary noise)',
    (_, stored, i) => {
      expect(result.rows[i]?.issues).toEqual([])
      expect(result.rows[i]?.fields[key]).toBe(stored)
    }
  )
})

describe('#17 #18 dates that must not be guessed', () => {
  const deadline = columnOf('deadline')
  const letter = String.fromCharCode(65 + deadline)

  it('#17 a date-formatted cell holding serial 60 (Excel’s 1900-02-29, a day that never was) → refused at its cell', async () => {
    const wb = await readExcelJs(await threeRowWorkbook())
    const cell = wb.getWorksheet(annex2.sheetName)!.getCell(FIRST_DATA_ROW, deadline + 1)
    cell.value = 60
    cell.numFmt = 'yyyy"年"m"月"d"日"'
    const result = await readAnnexFile(await onDisk('附件2-1900.xlsx', Buffer.from(await wb.xlsx.writeBuffer())))
    const ref = `${letter}${FIRST_DATA_ROW}`
    expect(issueAt(result, ref)).toMatchObject({ severity: 'error', code: 'DATE_UNPARSEABLE', row: FIRST_DATA_ROW })
    expect(issueAt(result, ref)?.message).toBe(
      `文件“附件2-1900.xlsx”工作表“摸底台账”${ref}单元格：「完成时限」“60”不是有效日期，请写作 2024年6月30日 或 2024-06-30`
    )
    expect(result.rows[1]?.issues).toEqual([])
  })

  it('#18 text 01/02/2024 (January 2 or February 1?) → refused, kept as typed; 2024年6月30日 is read', async () => {
    const rows = sampleRows(2)
    ;(rows[0] as Plain[])[deadline] = '01/02/2024'
    ;(rows[1] as Plain[])[deadline] = '2024年6月30日'
    const result = await readAnnexFile(await onDisk('附件2-日期.xlsx', await annex2Xlsx({ rows })))
    const ref = `${letter}${FIRST_DATA_ROW}`
    expect(issueAt(result, ref)).toMatchObject({ severity: 'error', code: 'DATE_UNPARSEABLE' })
    expect(issueAt(result, ref)?.message).toBe(
      `文件“附件2-日期.xlsx”工作表“摸底台账”${ref}单元格：「完成时限」“01/02/2024”不是有效日期，请写作 2024年6月30日 或 2024-06-30`
    )
    expect(result.rows.map((r) => r.fields['deadline'])).toEqual(['01/02/2024', '2024-06-30'])
  })
})

describe('#22 统一社会信用代码', () => {
  it('#22 17 characters → USCC_LENGTH, 应为18位，现为17位', async () => {
    const rows = sampleRows(1)
    const uscc = columnOf('uscc')
    const code = String((rows[0] as Plain[])[uscc]).slice(0, 17)
    ;(rows[0] as Plain[])[uscc] = code
    const result = await readAnnexFile(await onDisk('附件2-代码.xlsx', await annex2Xlsx({ rows })))
    const ref = `${String.fromCharCode(65 + uscc)}${FIRST_DATA_ROW}`
    expect(result.rows[0]?.issues).toHaveLength(1)
    expect(issueAt(result, ref)).toMatchObject({ severity: 'error', code: 'USCC_LENGTH' })
    expect(issueAt(result, ref)?.message).toBe(
      `文件“附件2-代码.xlsx”工作表“摸底台账”${ref}单元格：「统一社会信用代码」应为18位，现为17位，请对照营业执照核对`
    )
  })
})

const TCMNT_TYPE = 'application/vnd.ms-excel.threadedcomments+xml'
const PERSON_TYPE = 'application/vnd.ms-excel.person+xml'
const TCMNT_REL = 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment'
const PERSON_REL = 'http://schemas.microsoft.com/office/2017/10/relationships/person'

/**
 * The CVE-2023-30533 shape: threaded comments and their person list whose ids, refs and person ids are the
 * Object.prototype names, and CDATA in the shared strings so the lean reader hands the file to SheetJS.
 */
async function pollutingWorkbook(): Promise<Buffer> {
  return withParts(await threeRowWorkbook(), (parts) => {
    const comment = (ref: string, id: string, person: string): string =>
      `<threadedComment ref="${ref}" dT="2024-05-09T08:00:00.00" personId="${person}" id="${id}"><text>${id}</text></threadedComment>`
    parts.set(
      'xl/threadedComments/threadedComment1.xml',
      '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">' +
        comment('__proto__', '__proto__', '__proto__') +
        comment('A1', 'constructor', 'prototype') +
        comment('B6', 'toString', '__proto__') +
        '</ThreadedComments>'
    )
    parts.set(
      'xl/persons/person.xml',
      '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">' +
        '<person displayName="polluted" id="__proto__" userId="__proto__" providerId="None"/>' +
        '<person displayName="polluted" id="prototype" userId="constructor" providerId="None"/></personList>'
    )
    parts.set(
      'xl/worksheets/_rels/sheet1.xml.rels',
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="__proto__" Type="${TCMNT_REL}" Target="../threadedComments/threadedComment1.xml"/></Relationships>`
    )
    const rels = text(parts, 'xl/_rels/workbook.xml.rels')
    parts.set('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', `<Relationship Id="rId99" Type="${PERSON_REL}" Target="persons/person.xml"/></Relationships>`))
    const types = text(parts, '[Content_Types].xml')
    parts.set(
      '[Content_Types].xml',
      types.replace(
        '</Types>',
        `<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="${TCMNT_TYPE}"/>` +
          `<Override PartName="/xl/persons/person.xml" ContentType="${PERSON_TYPE}"/></Types>`
      )
    )
    sheetJsOnly(parts)
  })
}

describe('#31 CVE-2023-30533 (prototype pollution through threaded comments)', () => {
  const prototypeNames = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort()

  it('#31 SheetJS reads the crafted file without touching Object.prototype', async () => {
    const bytes = await pollutingWorkbook()
    const entries = new Map(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, Buffer.from(data)]))
    const caps = { maxRows: 1000, maxColumns: importLimits.maxColumns, maxCells: importLimits.maxCells }
    expect(readXlsx(entries, caps, isDateStyle), 'the lean reader must hand the file to SheetJS').toBeNull()
    const before = prototypeNames()
    const outcome = readWithSheetJS(bytes, caps)
    expect(outcome.ok).toBe(true)
    expect(prototypeNames()).toEqual(before)
    // Not vacuous: SheetJS did read the threaded comments, and named their author from the person list.
    const sheet = XLSX.read(bytes, { type: 'buffer', dense: true }).Sheets[annex2.sheetName]
    expect(sheet?.['!data']?.[5]?.[1]?.c).toContainEqual(expect.objectContaining({ T: true, a: 'polluted' }))
    expect(prototypeNames()).toEqual(before)
    expect(({} as Record<string, unknown>)['c']).toBeUndefined()
    expect(Object.prototype.toString.call([])).toBe('[object Array]')
  })

  it('#31 through slw check the file is read like any other, its 3 rows intact, the comments ignored', async () => {
    const before = prototypeNames()
    const result = await readAnnexFile(await onDisk('附件2-批注.xlsx', await pollutingWorkbook()))
    expect(isFileRefused(result)).toBe(false)
    expect(result).toMatchObject({ ok: true, annex: 'annex2', unit: '八坊街道', rowCount: 3, issues: [] })
    const plain = await readAnnexWorkbook(await threeRowWorkbook(), '附件2-批注.xlsx')
    expect(result.rows).toEqual(plain.rows)
    expect(prototypeNames()).toEqual(before)
  })
})

/** CDATA, which the lean reader leaves to SheetJS (xlsxReader.mjs), in a string no cell of the table uses. */
function sheetJsOnly(parts: Map<string, string | Buffer>): void {
  parts.set('xl/sharedStrings.xml', text(parts, 'xl/sharedStrings.xml').replace('<t>附件2</t>', '<t><![CDATA[附件2]]></t>'))
}

/** A sheet1.xml in place of the real one, in an otherwise valid 附件2; read by SheetJS if asked. */
async function withSheet(sheetXml: (real: string) => string, sheetJs: boolean): Promise<Buffer> {
  return withParts(await threeRowWorkbook(), (parts) => {
    parts.set('xl/worksheets/sheet1.xml', sheetXml(text(parts, 'xl/worksheets/sheet1.xml')))
    if (sheetJs) sheetJsOnly(parts)
  })
}

const nested = (depth: number): string => `${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}`
const deep = (sheetJs: boolean): Promise<Buffer> =>
  withSheet((real) => real.replace('</sheetData>', `</sheetData><extLst><ext uri="{0}">${nested(100_000)}</ext></extLst>`), sheetJs)
const longAttribute = (sheetJs: boolean): Promise<Buffer> =>
  withSheet((real) => real.replace('<sheetData>', `<sheetData><row r="1" x="${'a'.repeat(10 * 1024 * 1024)}"/>`), sheetJs)

describe.each([
  ['lean reader', false],
  ['SheetJS', true]
])('#32 pathological XML in the parser thread (%s)', (_, sheetJs) => {
  /** Both parsers scan tags linearly: the sheet's own rows, nothing made up, no exception. */
  async function expectSameRows(result: ImportResult, file: string): Promise<void> {
    expect(result).toMatchObject({ annex: 'annex2', rowCount: 3, issues: [] })
    expect(result.rows).toEqual((await readAnnexWorkbook(await threeRowWorkbook(), file)).rows)
  }

  it('#32 100,000 nested elements: read within the watchdog', async () => {
    await expectSameRows(await readAnnexFile(await onDisk('附件2-嵌套.xlsx', await deep(sheetJs))), '附件2-嵌套.xlsx')
  })

  it('#32 a 10 MiB attribute value: read within the watchdog', async () => {
    await expectSameRows(await readAnnexFile(await onDisk('附件2-长属性.xlsx', await longAttribute(sheetJs))), '附件2-长属性.xlsx')
  })
})

it('#32 the 10 MiB attribute past a shorter watchdog: PARSE_TIMEOUT, 文件解析超时', async () => {
  const result = await readAnnexFile(await onDisk('附件2-长属性.xlsx', await longAttribute(true)), { limits: { parseTimeoutMs: 1, parseMsPerMiB: 0 } })
  expectRefused(result, 'PARSE_TIMEOUT', '附件2-长属性.xlsx', '文件解析超时，疑似异常文件')
})

describe('#33 a file held open by Excel/WPS or cut off mid-read', () => {
  it.each(['EBUSY', 'EIO'])('#33 %s while reading → READ_FAILED: close Excel/WPS or re-insert the USB stick', async (code) => {
    const path = await onDisk(`附件2-${code}.xlsx`, await threeRowWorkbook())
    blocked.set(path, code)
    try {
      const result = await readAnnexFile(path)
      expectRefused(result, 'READ_FAILED', `附件2-${code}.xlsx`, '请关闭正在打开它的 Excel 或 WPS、重新插入U盘后重试')
    } finally {
      blocked.delete(path)
    }
  })

  it('#33 slw import of a locked file says so and stages nothing: the ledger is as it was', async () => {
    const data = join(dir, 'data-33')
    const path = await onDisk('附件2-占用.xlsx', await threeRowWorkbook())
    blocked.set(path, 'EBUSY')
    try {
      expect(await importCommand([path, '--unit', '八坊街道', '--data', data, '--yes'])).toBe(1)
    } finally {
      blocked.delete(path)
    }
    expect(err.join('')).toContain('文件“附件2-占用.xlsx”无法读取（EBUSY），请关闭正在打开它的 Excel 或 WPS、重新插入U盘后重试')
    const ledger = new DataDir(data, { appVersion: 'test', campaign: defaultCampaign })
    try {
      const store = await ledger.ledger('t005')
      expect([store.generation, store.view().records.length]).toEqual([0, 0])
    } finally {
      await ledger.close()
    }
    expect(await readdir(join(data, 'units/t005')).catch(() => [])).not.toContain('backups')
  })
})

describe('#34 a _meta sheet edited by hand', () => {
  it('#34 unit in _meta changed → META_INCONSISTENT in the import preview: the rows are checked one by one', async () => {
    const wb: ExcelJS.Workbook = await readExcelJs((await writeAnnexWorkbook(exportInput(sampleRecords(5)))).bytes)
    const meta = wb.getWorksheet('_meta')!
    const unitRow = meta.getColumn(1).values.findIndex((v) => v === 'unitName')
    meta.getCell(unitRow, 2).value = '东关街道'
    const bytes = Buffer.from(await wb.xlsx.writeBuffer())

    const data = new DataDir(join(dir, 'data-34'), { appVersion: 'test', campaign: defaultCampaign })
    try {
      const stager = new ImportStager(data, defaultCampaign, (b, name, annex) => readAnnexWorkbook(b, name, { annex }))
      const preview = await stager.preview('t005', '附件2-八坊街道.xlsx', bytes)
      expect(preview).toMatchObject({ refused: false, unit: '八坊街道', ownExport: { consistent: false, unitName: '东关街道' } })
      expect(preview.issues).toEqual([
        expect.objectContaining({
          severity: 'warning',
          code: 'META_INCONSISTENT',
          sheet: '摸底台账',
          message: '文件“附件2-八坊街道.xlsx”工作表“摸底台账”的校验信息与其记录不符（隐藏的校验表被改动过），无法确认哪些行被修改，请逐行核对'
        })
      ])
    } finally {
      await data.close()
    }
  })
})
