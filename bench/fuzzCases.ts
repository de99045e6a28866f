/**
 * The hostile files of the import fuzz (bench/fuzz.ts): real workbooks (.xlsx from Excel and from ExcelJS, .ods,
 * .xls) mutated at three levels — XML text inside an entry, the list of entries, the bytes of the container — plus
 * the crafted archives of issue 15 (test/fixtures/import/hostileZips.ts) around deflate bombs of up to 1 GiB.
 * A case is a small recipe that fast-check draws and shrinks; its bytes are built only when it runs.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { unzipSync } from 'fflate'
import { annex2Xlsx, sampleRows } from '../test/fixtures/import/annex2Workbook'
import { bombEntry, hostileZips } from '../test/fixtures/import/hostileZips'
import type { ZipEntrySpec } from '../test/fixtures/import/zipBytes'
import { zipBytes } from '../test/fixtures/import/zipBytes'

export interface Seed {
  name: string
  bytes: Buffer
  /** The entries of a zip seed, in archive order; null for a compound file (.xls). */
  entries: ZipEntrySpec[] | null
}

const fixture = (name: string): Buffer => readFileSync(new URL(`../test/fixtures/annex2/${name}`, import.meta.url))

function seed(name: string, bytes: Buffer): Seed {
  const zip = bytes.readUInt32LE(0) === 0x04034b50
  const entries = zip ? Object.entries(unzipSync(bytes)).map(([n, data]) => ({ name: n, data: Buffer.from(data) })) : null
  return { name, bytes, entries }
}

/** Real files, and one that only SheetJS reads (CDATA makes the lean reader give up). */
export async function loadSeeds(): Promise<Seed[]> {
  const generated = await annex2Xlsx({ rows: sampleRows(12) })
  const cdata = seed('cdata.xlsx', generated)
  for (const e of cdata.entries ?? []) {
    if (e.name === 'xl/sharedStrings.xml') e.data = String(e.data).replace(/<t>([^<&]+)<\/t>/g, '<t><![CDATA[$1]]></t>')
  }
  cdata.bytes = zipBytes(cdata.entries ?? [])
  return [
    seed('clean-bafang.xlsx', fixture('clean-bafang.xlsx')),
    seed('bafang.ods', fixture('bafang.ods')),
    seed('wps-like.xls', fixture('wps-like.xls')),
    seed('exceljs.xlsx', generated),
    cdata
  ]
}

const SNIPPETS = [
  '<![CDATA[x]]>',
  '<![CDATA[',
  ']]>',
  '&#0;',
  '&#x1F600;',
  '&#xD800;',
  '&unknown;',
  '&amp;amp;',
  '_x0000_',
  '_xD83D_',
  '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
  '&c;',
  '<!DOCTYPE r SYSTEM "file:///etc/passwd">',
  '<c r="XFD1048576" t="s"><v>0</v></c>',
  '<row r="1048576"><c r="A1048576"><v>1</v></c></row>',
  '<row r="3000"><c r="XFD3000"><v>1</v></c></row>',
  '<c r="A1" t="s"><v>99999999</v></c>',
  '<c r="A1" t="s"><v>-1</v></c>',
  '<f t="shared" ref="A1:XFD1048576" si="0">A1</f>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<c r="B2" t="d"><v>2024-13-45</v></c>',
  '<c r="C3" t="e"><v>#REF!</v></c>',
  '<c r="D4" t="inlineStr"><is><t>内联</t></is></c>',
  '<c r="E5" t="n"><v>1e309</v></c>',
  '<c r="F6" s="999999"><v>45000</v></c>',
  '<sheet name="x" sheetId="9" r:id="rId999"/>',
  '<numFmt numFmtId="200" formatCode="[$-F800]dddd, mmmm dd, yyyy"/>',
  '<x:c r="A1"/>',
  '<?xml version="1.0" encoding="UTF-16"?>',
  '\uFEFF',
  '<dimension ref="A1:XFD1048576"/>',
  '<definedName name="_xlnm.Print_Area">Sheet1!$A:$XFD</definedName>',
  '<si><t>toString</t></si>',
  '<si><t>__proto__</t></si>',
  '<c r="G7" t="str"><v>constructor</v></c>',
  `<c r="H8" t="inlineStr"><is><t>${'长'.repeat(33_000)}</t></is></c>`,
  '<',
  '>',
  '"',
  "'",
  '</',
  '/>',
  '<row>',
  '</row>',
  '<c>',
  '</v>',
  '</t></si>'
]

/** Where in a text or file an edit lands, spread evenly (fast-check's doubles crowd near 0). */
const fraction = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000)
const span = fc.integer({ min: 1, max: 4096 })

const xmlEdit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fraction, text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 40 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fraction, length: span }),
  fc.record({ kind: fc.constant('repeat' as const), at: fraction, length: span, times: fc.integer({ min: 2, max: 50 }) }),
  fc.record({
    kind: fc.constant('renumber' as const),
    pattern: fc.constantFrom('cell', 'row', 'number'),
    value: fc.constantFrom('0', '-1', '1048577', 'XFD1048576', '99999999999999999999', '1e308', 'NaN', 'A0', '')
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction })
)
type XmlEdit = typeof xmlEdit extends fc.Arbitrary<infer T> ? T : never

/** Names that leave the archive, and names Windows zip writers use (`\`, capitals) that are normalised, not refused. */
const UNSAFE_NAMES = [
  '../evil.xml',
  '/abs.xml',
  'xl\\..\\..\\evil.xml',
  'C:\\evil.xml',
  'xl\\evil.xml',
  'XL/WORKBOOK.XML',
  '__proto__',
  'constructor',
  'a/./b.xml',
  ''
]

const entryEdit = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), entry: fraction }),
  fc.record({ kind: fc.constant('swap' as const), entry: fraction, other: fraction }),
  fc.record({ kind: fc.constant('rename' as const), entry: fraction, name: fc.constantFrom(...UNSAFE_NAMES) }),
  fc.record({ kind: fc.constant('flags' as const), entry: fraction, flags: fc.constantFrom(0x0001, 0x0040, 0x2000, 0x0800) }),
  fc.record({
    kind: fc.constant('bomb' as const),
    name: fc.constantFrom('xl/media/image1.png', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'content.xml'),
    mib: fc.constantFrom(1, 2, 101, 1024)
  }),
  fc.record({ kind: fc.constant('many' as const), count: fc.integer({ min: 1, max: 2100 }) })
)
type EntryEdit = typeof entryEdit extends fc.Arbitrary<infer T> ? T : never

const byteEdit = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fraction, tail: fc.boolean(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    kind: fc.constant('word' as const),
    at: fraction,
    tail: fc.boolean(),
    value: fc.constantFrom(0, 1, 0xffff, 0x7fffffff, 0xffffffff, 0x06054b50, 0x02014b50, 0x04034b50, 0x08074b50)
  }),
  fc.record({ kind: fc.constant('insert' as const), at: fraction, tail: fc.boolean(), data: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fraction, tail: fc.boolean(), length: span }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction })
)
type ByteEdit = typeof byteEdit extends fc.Arbitrary<infer T> ? T : never

const trick = fc.constantFrom(...Object.keys(hostileZips))

/** One case: which seed, and what is done to it at each level (any level may be empty). */
export const fuzzRecipe = fc.record({
  seed: fc.nat(),
  xml: fc.array(fc.record({ entry: fraction, edit: xmlEdit }), { maxLength: 4 }),
  entries: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(entryEdit, { minLength: 1, maxLength: 2 }) }),
  zip: fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('plain' as const), store: fc.boolean(), descriptors: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('crafted' as const), trick, mib: fc.constantFrom(1, 64, 1024) }) }
  ),
  bytes: fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(byteEdit, { minLength: 1, maxLength: 3 }) })
})
export type FuzzRecipe = typeof fuzzRecipe extends fc.Arbitrary<infer T> ? T : never

const pick = <T>(xs: readonly T[], f: number): T => xs[Math.min(xs.length - 1, Math.floor(f * xs.length))]
const indexAt = (length: number, f: number): number => Math.min(length, Math.floor(f * (length + 1)))

function editXml(text: string, e: XmlEdit): string {
  switch (e.kind) {
    case 'insert': {
      const at = indexAt(text.length, e.at)
      return text.slice(0, at) + e.text + text.slice(at)
    }
    case 'delete': {
      const at = indexAt(text.length, e.at)
      return text.slice(0, at) + text.slice(at + e.length)
    }
    case 'repeat': {
      const at = indexAt(text.length, e.at)
      return text.slice(0, at) + text.slice(at, at + e.length).repeat(e.times) + text.slice(at)
    }
    case 'renumber': {
      const pattern = { cell: /r="[A-Z]+\d+"/g, row: /<row r="\d+"/g, number: /<v>-?[\d.]+<\/v>/g }[e.pattern]
      const value = { cell: `r="${e.value}"`, row: `<row r="${e.value}"`, number: `<v>${e.value}</v>` }[e.pattern]
      return text.replace(pattern, value)
    }
    case 'truncate':
      return text.slice(0, indexAt(text.length, e.at))
  }
}

const bombs = new Map<number, ZipEntrySpec>()
const bomb = (mib: number, name: string): ZipEntrySpec => {
  if (!bombs.has(mib)) bombs.set(mib, bombEntry(mib * 1024 * 1024))
  return { ...(bombs.get(mib) as ZipEntrySpec), name }
}

function editEntries(entries: ZipEntrySpec[], e: EntryEdit): ZipEntrySpec[] {
  const out = [...entries]
  const i = indexAt(out.length - 1, 'entry' in e ? e.entry : 0)
  switch (e.kind) {
    case 'drop':
      out.splice(i, 1)
      break
    case 'swap': {
      const j = indexAt(out.length - 1, e.other)
      ;[out[i], out[j]] = [out[j], out[i]]
      break
    }
    case 'rename':
      out[i] = { ...out[i], name: e.name }
      break
    case 'flags':
      out[i] = { ...out[i], flags: e.flags }
      break
    case 'bomb': {
      const at = out.findIndex((x) => x.name === e.name)
      out.splice(at < 0 ? out.length : at, at < 0 ? 0 : 1, bomb(e.mib, e.name))
      break
    }
    case 'many':
      for (let k = 0; k < e.count; k++) out.push({ name: `xl/media/m${k}.bin`, data: 'x', store: true })
      break
  }
  return out
}

function editBytes(bytes: Buffer, e: ByteEdit): Buffer {
  // Half the edits aim at the last 2 KiB, where a zip keeps its directory.
  const at = (f: number, tail: boolean): number => {
    const from = tail ? Math.max(0, bytes.length - 2048) : 0
    return from + Math.min(bytes.length - from, Math.floor(f * (bytes.length - from + 1)))
  }
  switch (e.kind) {
    case 'set': {
      const out = Buffer.from(bytes)
      const p = Math.min(at(e.at, e.tail), out.length - 1)
      if (p >= 0) out[p] = e.value
      return out
    }
    case 'word': {
      const out = Buffer.from(bytes)
      const p = Math.min(at(e.at, e.tail), out.length - 4)
      if (p >= 0) out.writeUInt32LE(e.value, p)
      return out
    }
    case 'insert': {
      const p = at(e.at, e.tail)
      return Buffer.concat([bytes.subarray(0, p), Buffer.from(e.data), bytes.subarray(p)])
    }
    case 'delete': {
      const p = at(e.at, e.tail)
      return Buffer.concat([bytes.subarray(0, p), bytes.subarray(p + e.length)])
    }
    case 'truncate':
      return bytes.subarray(0, at(e.at, false))
  }
}

/**
 * The file a recipe makes, the name it is checked under (the seed's extension), and whether it is one of the
 * crafted archives as crafted (no byte edited after), which must be refused.
 */
export function buildCase(seeds: readonly Seed[], r: FuzzRecipe): { name: string; bytes: Buffer; ambiguous: boolean } {
  const s = seeds[r.seed % seeds.length]
  let bytes = s.bytes
  if (s.entries && (r.xml.length > 0 || r.entries.length > 0 || r.zip.kind === 'crafted')) {
    let entries = s.entries.map((e) => ({ ...e }))
    for (const { entry, edit } of r.xml) {
      const xmlParts = entries.filter((e) => /\.(xml|rels)$/.test(e.name))
      const target = pick(xmlParts, entry)
      if (target) target.data = editXml(String(target.data), edit)
    }
    for (const edit of r.entries) entries = editEntries(entries, edit)
    if (r.zip.kind === 'crafted') bytes = hostileZips[r.zip.trick](entries, bomb(r.zip.mib, 'xl/media/image9.png'))
    else {
      const { store, descriptors } = r.zip
      bytes = zipBytes(entries.map((e) => (e.deflated ? e : { ...e, store, ...(descriptors ? { descriptor: {} } : {}) })))
    }
  }
  for (const edit of r.bytes) bytes = editBytes(bytes, edit)
  return { name: s.name, bytes, ambiguous: s.entries !== null && r.zip.kind === 'crafted' && r.bytes.length === 0 }
}
