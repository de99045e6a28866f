/**
 * Issue 15, finding 2: the preflight and SheetJS read a zip's directory differently, so an archive could show the
 * preflight a small workbook and SheetJS a deflate bomb, which it inflated uncapped outside the parser thread's heap
 * limit. Now an archive two readers could read two ways is refused, and SheetJS never reads the original archive:
 * only one rebuilt, stored, from the entries the scan inflated under its caps.
 */
import { readFileSync } from 'node:fs'
import { unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { isFileRefused } from '../../../electron/services/import/importResult'
import { importLimits } from '../../../electron/services/import/limits'
import { preflight } from '../../../electron/services/import/preflight'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'
import { scanZip } from '../../../electron/services/import/zipScan.mjs'
import { annex2Xlsx, sampleRows } from '../../fixtures/import/annex2Workbook'
import { bombEntry, hostileZips } from '../../fixtures/import/hostileZips'
import type { ZipEntrySpec } from '../../fixtures/import/zipBytes'
import { zipBytes } from '../../fixtures/import/zipBytes'

const storedOnlyParser = new URL('../../fixtures/import/storedOnlyParser.mjs', import.meta.url)
const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/annex2/${name}`, import.meta.url))

/** A real workbook's entries, with one shared string in CDATA: the lean reader gives up, SheetJS reads the file. */
async function sheetJsWorkbook(): Promise<ZipEntrySpec[]> {
  const entries = unzipSync(await annex2Xlsx({ rows: sampleRows(3) }))
  const strings = Buffer.from(entries['xl/sharedStrings.xml']).toString('utf8')
  entries['xl/sharedStrings.xml'] = Buffer.from(strings.replace(/<t>([^<&]+)<\/t>/, '<t><![CDATA[$1]]></t>'))
  return Object.entries(entries).map(([name, data]) => ({ name, data: Buffer.from(data) }))
}

let visible: ZipEntrySpec[]
let bomb: ZipEntrySpec
beforeAll(async () => {
  visible = await sheetJsWorkbook()
  bomb = bombEntry(256 * 1024 * 1024)
})

describe('archives two zip readers read two ways', () => {
  it('the workbook they hide the bomb beside is read when alone, through SheetJS', async () => {
    const result = await readAnnexWorkbook(zipBytes(visible), '附件2.xlsx')
    expect(isFileRefused(result)).toBe(false)
    expect(result.rowCount).toBe(3)
  })

  it.each(Object.keys(hostileZips))('%s: refused as a damaged zip on the main thread, before any entry is inflated', async (trick) => {
    const bytes = hostileZips[trick](visible, bomb)
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024)
    expect(preflight(bytes, 'z.xlsx', importLimits)).toMatchObject({ ok: false, code: 'CORRUPT_ZIP' })
    const result = await readAnnexWorkbook(bytes, '附件2.xlsx')
    expect(result.issues).toHaveLength(1)
    expect(result.issues[0]).toMatchObject({ severity: 'error', code: 'CORRUPT_ZIP' })
    expect(result.issues[0].message).toMatch(/^文件“附件2\.xlsx”不完整或已损坏（.+），请重新拷贝/)
  })
})

describe('what SheetJS is given', () => {
  it('a stored archive of exactly the checked entries, nothing it would inflate', async () => {
    const result = await readAnnexWorkbook(zipBytes(visible), '附件2.xlsx', { parserUrl: storedOnlyParser })
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(result.rowCount).toBe(3)
  })

  it('an OpenDocument spreadsheet too', async () => {
    const result = await readAnnexWorkbook(fixture('bafang.ods'), 'bafang.ods', { parserUrl: storedOnlyParser })
    expect(isFileRefused(result)).toBe(false)
    expect(result.rowCount).toBeGreaterThan(0)
  })

  it('pictures are checked like every entry though no parser is given them', async () => {
    const picture = { name: 'xl/media/image1.png', data: '0123456789'.repeat(100), store: true }
    const zip = zipBytes([...visible, picture])
    zip[zip.indexOf('0123456789')] = 0x39
    const result = await readAnnexWorkbook(zip, '附件2.xlsx')
    expect(result.issues[0]).toMatchObject({ code: 'CORRUPT_ZIP' })
    expect(result.issues[0].message).toContain('“xl/media/image1.png”校验失败')
  })

  it('the canonical archive holds the scanned entries byte for byte, stored, and passes the scan itself', () => {
    const scan = scanZip(zipBytes(visible), importLimits)
    if (!scan.ok) throw new Error(scan.detail)
    const canonical = zipBytes([...scan.inflated].map(([name, data]) => ({ name, data, store: true })))
    const again = scanZip(canonical, importLimits)
    if (!again.ok) throw new Error(again.detail)
    expect([...again.inflated.keys()]).toEqual([...scan.inflated.keys()])
    for (const [name, data] of scan.inflated) expect(again.inflated.get(name)?.equals(data)).toBe(true)
    expect(Object.values(unzipSync(canonical)).length).toBe(scan.inflated.size)
  })
})
