/**
 * Issue 16, item 6: some Windows zip writers separate folders with `\` and some writers spell parts in another case
 * (`XL/Workbook.xml`, `[Content_Types].XML`); such workbooks were refused as 疑似恶意. Part names are now normalised
 * before the safety checks, which still refuse what leaves the archive or makes it ambiguous.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readAnnexFile } from '../../../electron/services/import/readAnnexFile'
import { expectRefused } from '../../helpers/expectRefused'
import { slw } from '../../helpers/slwProcess'

const original = readFileSync(new URL('../../fixtures/annex2/clean-bafang.xlsx', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'slw-zip-names-'))

type Entries = Record<string, Uint8Array>
const entriesOf = (bytes: Uint8Array): Entries => unzipSync(bytes)

/** The fixture's entries, each renamed; written as a zip file by fflate, as another zip writer would. */
function writeRenamed(file: string, rename: (name: string) => string, extra: Entries = {}, from: Uint8Array = original): string {
  const renamed: Entries = {}
  for (const [name, data] of Object.entries(entriesOf(from))) renamed[rename(name)] = data
  const path = join(dir, file)
  writeFileSync(path, zipSync({ ...renamed, ...extra }))
  return path
}

/** The same fixture with one shared string in CDATA: the lean reader gives up on it and SheetJS reads the file. */
function sheetJsOnly(): Uint8Array {
  const entries = entriesOf(original)
  const strings = Buffer.from(entries['xl/sharedStrings.xml']).toString('utf8')
  entries['xl/sharedStrings.xml'] = Buffer.from(strings.replace(/<t>([^<&]+)<\/t>/, '<t><![CDATA[$1]]></t>'))
  return zipSync(entries)
}

const backslashed = (name: string): string => name.replaceAll('/', '\\')
const shouted = (name: string): string => name.toUpperCase()
/** Folders in capitals, file names as written: `XL\WORKSHEETS\sheet1.xml`. */
const mixed = (name: string): string => name.split('/').map((s, i, all) => (i < all.length - 1 ? s.toUpperCase() : s)).join('\\')

describe('zip part names as Windows zip writers spell them', () => {
  it.each([
    ['backslashes', backslashed],
    ['upper case', shouted],
    ['backslashes and upper-case folders', mixed]
  ])('%s: the lean reader imports the same records as from the original', async (_, rename) => {
    const expected = await readAnnexFile(writeRenamed('orig.xlsx', (n) => n))
    expect(expected.rowCount).toBe(30)
    const result = await readAnnexFile(writeRenamed('renamed.xlsx', rename))
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(result.rows).toEqual(expected.rows)
    expect(result.unit).toBe(expected.unit)
  })

  it.each([
    ['backslashes', backslashed],
    ['upper case', shouted]
  ])('%s: SheetJS, reading the rebuilt archive, imports the same records too', async (_, rename) => {
    const viaSheetJs = sheetJsOnly()
    const expected = await readAnnexFile(writeRenamed('sheetjs-orig.xlsx', (n) => n, {}, viaSheetJs))
    expect(expected.rowCount).toBe(30)
    const result = await readAnnexFile(writeRenamed('sheetjs-renamed.xlsx', rename, {}, viaSheetJs))
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(result.rows).toEqual(expected.rows)
  })

  it('`slw check --json` reports the backslash-named file as it reports the original', async () => {
    const [a, b] = await Promise.all([
      slw('check', writeRenamed('cli-orig.xlsx', (n) => n), '--json'),
      slw('check', writeRenamed('cli-back.xlsx', backslashed), '--json')
    ])
    expect(b.code).toBe(0)
    expect(JSON.parse(b.stdout)).toEqual({ ...JSON.parse(a.stdout), file: 'cli-back.xlsx' })
  })
})

describe('what is still refused after normalising', () => {
  const xml = new TextEncoder().encode('<x/>')
  it.each(['..\\..\\evil.xml', 'C:\\x.xml', 'c:/x.xml', 'xl\\..\\..\\evil.xml', '\\evil.xml'])(
    'an entry named %s leaves the archive',
    async (name) => {
      const result = await readAnnexFile(writeRenamed('unsafe.xlsx', (n) => n, { [name]: xml }))
      expectRefused(result, 'ZIP_UNSAFE_PATH', 'unsafe.xlsx', '疑似恶意文件')
      expect(result.issues[0].message).toContain(name)
    }
  )

  it.each([
    ['a\\b.xml', 'a/b.xml'],
    ['xl\\worksheets\\sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['XL/WORKBOOK.XML', 'xl/workbook.xml']
  ])('%s beside %s is one part twice: ambiguous, refused', async (twin, name) => {
    const result = await readAnnexFile(writeRenamed('twins.xlsx', (n) => n, { [twin]: xml, [name]: xml }))
    expectRefused(result, 'CORRUPT_ZIP', 'twins.xlsx', '重复的条目')
  })
})
