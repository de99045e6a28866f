/**
 * CSV is read in the parser thread under the workbook's limits (issue 15, finding 4: 20 MB of line breaks took 37 s
 * and 4 GB on the main thread before TOO_MANY_ROWS). Hostile files are generated here at full size; what they cost
 * is measured in bench/csvBench.ts. The variants of a clean file pin what reading a good CSV gives.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportResult } from '../../../electron/services/import/importResult'
import { importLimits } from '../../../electron/services/import/limits'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'

const fixtures = resolve(import.meta.dirname, '../../fixtures/annex2')
/** 30 records, UTF-8 without BOM, CRLF, no quotes. */
const clean = readFileSync(join(fixtures, 'bafang-utf8.csv'), 'utf8')
const MAX_BYTES = importLimits.maxFlatFileBytes

function refusal(result: ImportResult): { code: string; message: string } {
  expect(result.rows).toEqual([])
  expect(result.issues).toHaveLength(1)
  const [{ code, message }] = result.issues
  return { code, message }
}

describe('hostile CSV', () => {
  it('refuses 20 MB of line breaks as too many rows, counting them all', async () => {
    const result = await readAnnexWorkbook(Buffer.alloc(MAX_BYTES, '\n'), '换行.csv')
    expect(refusal(result)).toEqual({
      code: 'TOO_MANY_ROWS',
      message: `文件“换行.csv”有 ${MAX_BYTES} 行数据，超过 50000 行的上限，请删除多余的行或拆分为几个文件后再导入`
    })
  })

  it('refuses a file of more rows than the cap that are real records', async () => {
    const rows = `${clean.trimEnd()}\r\n${'1,八坊街道\r\n'.repeat(60_000)}`
    const { code, message } = refusal(await readAnnexWorkbook(Buffer.from(rows), '六万行.csv'))
    expect(code).toBe('TOO_MANY_ROWS')
    expect(message).toContain(`有 ${60_031} 行数据`)
  })

  it.each([
    ['one line of 20 MB of commas', Buffer.alloc(MAX_BYTES, ',')],
    ['one quoted field of 20 MB', Buffer.concat([Buffer.from('"'), Buffer.alloc(MAX_BYTES - 2, 'x'), Buffer.from('"')])],
    ['an unclosed quote before 20 MB', Buffer.concat([Buffer.from('a,"'), Buffer.alloc(MAX_BYTES - 3, '\n')])]
  ])('refuses %s as longer than any spreadsheet row', async (_, bytes) => {
    const { code, message } = refusal(await readAnnexWorkbook(bytes, '长行.csv'))
    expect(code).toBe('PARSE_FAILED')
    expect(message).toContain('文件“长行.csv”无法读取（第 1 行超过 100 万个字符，疑似异常文件）')
  })

  it('refuses a quote left open rather than reading the rest of the file into one cell', async () => {
    const lines = clean.split('\r\n')
    lines[5] = lines[5].replace(',八坊街道,', ',"八坊街道,')
    const { code, message } = refusal(await readAnnexWorkbook(Buffer.from(lines.join('\r\n')), '引号.csv'))
    expect(code).toBe('PARSE_FAILED')
    expect(message).toContain('第 6 行有引号不成对的单元格')
  })

  it('leaves out, with a warning, text beyond the last column read, as in a workbook; reads a file padded with empty fields', async () => {
    const padded = clean.replaceAll('\r\n', `${','.repeat(150)}\r\n`)
    const [original, wide] = await Promise.all([
      readAnnexWorkbook(Buffer.from(clean), 'a.csv'),
      readAnnexWorkbook(Buffer.from(padded), 'a.csv')
    ])
    expect(wide.issues).toEqual([])
    expect(wide.rows).toEqual(original.rows)
    const lines = clean.split('\r\n')
    lines[2] += `${','.repeat(150)}备注`
    const beyond = await readAnnexWorkbook(Buffer.from(lines.join('\r\n')), '宽.csv')
    expect(beyond.rows).toEqual(original.rows)
    expect(beyond.issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'EXTRA_COLUMN']])
    expect(beyond.issues[0]?.message).toContain('有 1 个单元格远在表格以外')
  })
})

describe('the parser thread', () => {
  it('reads a CSV under the watchdog, off the calling thread', async () => {
    // Large enough that even a warm thread cannot answer within 1 ms.
    const rows = Buffer.from(clean.repeat(100))
    const result = await readAnnexWorkbook(rows, '慢.csv', { limits: { parseTimeoutMs: 1 } })
    expect(refusal(result).code).toBe('PARSE_TIMEOUT')
  })

  it('reads a CSV within the thread heap limit: exhausting it refuses the file, the caller lives on', async () => {
    const big = Buffer.from(clean.repeat(600))
    const { code, message } = refusal(await readAnnexWorkbook(big, '大.csv', { limits: { parserHeapMb: 4, largeFileParserHeapMb: 4 } }))
    expect(code).toBe('PARSE_FAILED')
    expect(message).toContain('解析时内存不足')
  })
})

describe('a clean CSV in every form a clerk may save it', () => {
  const bom = Buffer.from([0xef, 0xbb, 0xbf])
  const utf16 = (text: string, marker: number[]): Buffer => {
    const le = Buffer.from(text, 'utf16le')
    return Buffer.concat([Buffer.from(marker), marker[0] === 0xfe ? le.swap16() : le])
  }
  it.each([
    ['UTF-8 with BOM', Buffer.concat([bom, Buffer.from(clean)])],
    ['UTF-16 LE with BOM', utf16(clean, [0xff, 0xfe])],
    ['UTF-16 BE with BOM', utf16(clean, [0xfe, 0xff])],
    ['GBK (the shared fixture)', readFileSync(join(fixtures, 'bafang-gbk.csv'))],
    ['semicolons', Buffer.from(clean.replaceAll(',', ';'))],
    ['tabs', Buffer.from(clean.replaceAll(',', '\t'))],
    ['LF line breaks', Buffer.from(clean.replaceAll('\r\n', '\n'))],
    ['CR line breaks', Buffer.from(clean.replaceAll('\r\n', '\r'))],
    ['no final line break', Buffer.from(clean.trimEnd())],
    ['every field quoted', Buffer.from(clean.replace(/[^,\r\n]+/g, (f) => `"${f}"`))]
  ])('%s reads as the UTF-8 original', async (_, bytes) => {
    const [original, variant] = await Promise.all([
      readAnnexWorkbook(Buffer.from(clean), 'bafang.csv'),
      readAnnexWorkbook(bytes, 'bafang.csv')
    ])
    expect(original.rowCount).toBe(30)
    expect(variant.issues).toEqual([])
    expect(variant.rows).toEqual(original.rows)
    expect(variant.sheet).toBe('bafang')
  })

  it('reads a GB18030 file whose names hold characters GBK lacks (䶮, 𬌗), instead of replacing them', async () => {
    // The shared GBK fixture with 䶮 (FE 9F) and 𬌗 (four bytes, 99 31 D2 39) added to the first record's name. A
    // comma never occurs inside a GBK/GB18030 character, so the fields can be split and joined as bytes.
    const split = (b: Buffer, at: string): Buffer[] => {
      const parts: Buffer[] = []
      for (let from = 0; ; ) {
        const i = b.indexOf(at, from)
        parts.push(b.subarray(from, i < 0 ? b.length : i))
        if (i < 0) return parts
        from = i + at.length
      }
    }
    const lines = split(readFileSync(join(fixtures, 'bafang-gbk.csv')), '\r\n')
    const fields = split(lines[1] as Buffer, ',')
    fields[3] = Buffer.concat([fields[3] as Buffer, Buffer.from('fe9f9931d239', 'hex')])
    lines[1] = Buffer.concat(fields.flatMap((f, i) => (i === 0 ? [f] : [Buffer.from(','), f])))
    const bytes = Buffer.concat(lines.flatMap((l, i) => (i === 0 ? [l] : [Buffer.from('\r\n'), l])))
    const result = await readAnnexWorkbook(bytes, 'bafang.csv')
    expect(result.rows[0]?.fields['name']).toBe('临夏市万通汽车服务有限责任公司䶮𬌗')
  })
})
