/**
 * Containers refused before any parser sees a byte (reliability.md §2.3, §5 rows 1–5, 32): signatures, encrypted
 * workbooks, unsafe or too many zip entries, entries that lie, oversized files, and the parser watchdog.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isFileRefused } from '../../../electron/services/import/importResult'
import { readAnnexFile } from '../../../electron/services/import/readAnnexFile'
import { importLimits } from '../../../electron/services/import/limits'
import { preflight } from '../../../electron/services/import/preflight'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'
import { annex2Xlsx, sampleRows } from '../../fixtures/import/annex2Workbook'
import type { ZipEntrySpec } from '../../fixtures/import/zipBytes'
import { minimalXlsxParts, zipBytes } from '../../fixtures/import/zipBytes'
import { expectRefused } from '../../helpers/expectRefused'

/** Office wraps a password-protected .xlsx in a compound file with these two streams. */
function encryptedOfficeFile(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new()
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]))
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 0x5a))
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array)
}

describe('signatures', () => {
  it.each([
    ['CSV text', '企业名称,信用代码\r\n张三饭馆,无\r\n'],
    ['an HTML table', '<html><body><table><tr><td>企业名称</td></tr></table></body></html>']
  ])('refuses %s renamed .xlsx', async (_, text) => {
    const result = await readAnnexWorkbook(Buffer.from(text, 'utf8'), '附件2.xlsx')
    expectRefused(result, 'NOT_XLSX', '附件2.xlsx', '另存为')
  })

  it('refuses an HTML table saved as .xls by a web system', async () => {
    const result = await readAnnexWorkbook(Buffer.from('<table><tr><td>1</td></tr></table>'), '导出.xls')
    expectRefused(result, 'NOT_XLSX', '导出.xls', '不是有效的 Excel 文件')
  })

  it('refuses a zip that holds no workbook (a .docx renamed)', async () => {
    const docx = zipBytes([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' }
    ])
    expectRefused(await readAnnexWorkbook(docx, 'a.xlsx'), 'NOT_XLSX', 'a.xlsx', 'xl/workbook.xml')
  })

  it('refuses an OpenDocument text file', async () => {
    const odt = zipBytes([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', store: true },
      { name: 'content.xml', data: '<x/>' }
    ])
    expectRefused(await readAnnexWorkbook(odt, 'a.ods'), 'NOT_XLSX', 'a.ods', '不是电子表格')
  })

  it('refuses a Word 97 document (compound file without a Workbook stream)', async () => {
    const cfb = XLSX.CFB.utils.cfb_new()
    XLSX.CFB.utils.cfb_add(cfb, '/WordDocument', Buffer.alloc(600, 1))
    const doc = Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array)
    expectRefused(await readAnnexWorkbook(doc, 'a.xls'), 'NOT_XLSX', 'a.xls', '可能是 Word 文档')
  })
})

describe('encrypted workbooks', () => {
  it('refuses a password-protected .xlsx (compound file with EncryptionInfo)', async () => {
    const result = await readAnnexWorkbook(encryptedOfficeFile(), '加密.xlsx')
    expectRefused(result, 'ENCRYPTED', '加密.xlsx', '请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再导入')
  })

  it('refuses a zip whose entries carry the encryption flag', async () => {
    const zip = zipBytes([...minimalXlsxParts, { name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>', flags: 1 }])
    expectRefused(await readAnnexWorkbook(zip, 'z.xlsx'), 'ENCRYPTED', 'z.xlsx', '已加密')
  })
})

describe('zip entries', () => {
  const unsafe = ['../../evil.xml', '/etc/evil.xml', 'xl\\..\\evil.xml', 'xl/../../evil.xml']
  it.each(unsafe)('refuses the entry name %s', async (name) => {
    const zip = zipBytes([...minimalXlsxParts, { name, data: '<x/>' }])
    const result = await readAnnexWorkbook(zip, 'p.xlsx')
    expectRefused(result, 'ZIP_UNSAFE_PATH', 'p.xlsx', '疑似恶意文件')
    expect(result.issues[0].message).toContain(name)
  })

  it('refuses more than 2,000 entries', async () => {
    const many: ZipEntrySpec[] = Array.from({ length: 2001 - minimalXlsxParts.length }, (_, i) => ({
      name: `xl/media/i${i}.bin`,
      data: 'x',
      store: true
    }))
    const result = await readAnnexWorkbook(zipBytes([...minimalXlsxParts, ...many]), 'many.xlsx')
    expectRefused(result, 'ZIP_BOMB', 'many.xlsx', '2001 个条目')
  })

  it('refuses an entry that inflates past the cap without inflating all of it', async () => {
    const zip = zipBytes([...minimalXlsxParts, { name: 'xl/sharedStrings.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20) }])
    const result = await readAnnexWorkbook(zip, 'b.xlsx', { limits: { maxEntryInflatedBytes: 1024 * 1024 } })
    expectRefused(result, 'ZIP_BOMB', 'b.xlsx', '解压后过大，疑似异常文件')
  })

  it('inflates entries only in the parser thread: the main thread reads the directory alone', async () => {
    const zip = zipBytes([...minimalXlsxParts, { name: 'xl/sharedStrings.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20) }])
    const limits = { ...importLimits, maxEntryInflatedBytes: 1024 * 1024 }
    expect(preflight(zip, 'b.xlsx', limits)).toEqual({ ok: true, format: 'xlsx' })
    expectRefused(await readAnnexWorkbook(zip, 'b.xlsx', { limits }), 'ZIP_BOMB', 'b.xlsx', '解压后过大')
  })

  it('refuses a local header that disagrees with the central directory', async () => {
    const zip = zipBytes([...minimalXlsxParts, { name: 'xl/styles.xml', data: '<styleSheet/>' }])
    const at = zip.indexOf('xl/styles.xml')
    zip.write('xl/STYLES.xml', at, 'utf8')
    expectRefused(await readAnnexWorkbook(zip, 'l.xlsx'), 'CORRUPT_ZIP', 'l.xlsx', '文件头与目录不一致')
  })

  it('refuses an entry whose bytes were damaged in transit (CRC)', async () => {
    const styles = { name: 'xl/styles.xml', data: '<styleSheet>0123456789</styleSheet>', store: true }
    const zip = zipBytes([...minimalXlsxParts, styles])
    zip[zip.indexOf('0123456789')] = 0x39
    expectRefused(await readAnnexWorkbook(zip, 'crc.xlsx'), 'CORRUPT_ZIP', 'crc.xlsx', '校验失败')
  })
})

describe('size and time', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'slw-import-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('refuses an oversized file from its size, before reading it', async () => {
    const path = join(dir, '大文件.xlsx')
    await writeFile(path, Buffer.alloc(4096, 0x50))
    const result = await readAnnexFile(path, { limits: { maxFileBytes: 1024 } })
    expectRefused(result, 'FILE_TOO_LARGE', '大文件.xlsx', '超过 0.0 MiB 的上限')
  })

  it('reports a missing file as unreadable', async () => {
    const result = await readAnnexFile(join(dir, '不存在.xlsx'))
    expect(result.issues[0]).toMatchObject({ code: 'READ_FAILED' })
    expect(result.issues[0].message).toContain('找不到文件')
  })

  it('stops a parse that outlives the watchdog and says the file looks abnormal', async () => {
    const bytes = await annex2Xlsx({ rows: sampleRows(200) })
    const result = await readAnnexWorkbook(bytes, '慢.xlsx', { limits: { parseTimeoutMs: 1 } })
    expectRefused(result, 'PARSE_TIMEOUT', '慢.xlsx', '文件解析超时，疑似异常文件')
  })

  it('kills a parser that never answers', async () => {
    const started = performance.now()
    const result = await readAnnexWorkbook(await annex2Xlsx({ rows: sampleRows(2) }), '卡死.xlsx', {
      limits: { parseTimeoutMs: 300 },
      parserUrl: new URL('../../fixtures/import/hangingParser.mjs', import.meta.url)
    })
    expect(performance.now() - started).toBeLessThan(3000)
    expectRefused(result, 'PARSE_TIMEOUT', '卡死.xlsx', '在 0.3 秒内没有读完')
  })

  it('contains a parser that runs out of memory', async () => {
    const result = await readAnnexWorkbook(await annex2Xlsx({ rows: sampleRows(2) }), '内存.xlsx', {
      limits: { parserHeapMb: 64 },
      parserUrl: new URL('../../fixtures/import/greedyParser.mjs', import.meta.url)
    })
    expectRefused(result, 'PARSE_FAILED', '内存.xlsx', '解析时内存不足')
  })

  it('refuses a sheet with more rows than the limit', async () => {
    const bytes = await annex2Xlsx({ rows: sampleRows(30) })
    const result = await readAnnexWorkbook(bytes, '多.xlsx', { limits: { maxRows: 20 } })
    expectRefused(result, 'TOO_MANY_ROWS', '多.xlsx', '超过 20 行的上限')
  })

  it('reports a workbook the parser cannot read', async () => {
    const garbled = { name: 'xl/workbook.xml', data: Buffer.from([0xff, 0xfe, 0x00, 0x3c]) }
    const zip = zipBytes([...minimalXlsxParts.slice(0, 1), garbled])
    const result = await readAnnexWorkbook(zip, 'bad.xlsx')
    expect(isFileRefused(result)).toBe(true)
    expect(result.issues[0].message).toContain('文件“bad.xlsx”')
  })
})
