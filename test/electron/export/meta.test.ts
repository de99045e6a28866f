import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { RecordFields } from '@shared/ledger/record'
import type { ExportMeta } from '../../../electron/services/export/meta'
import {
  canonicalRecordHash,
  canonicalRecordJson,
  checkCodeOf,
  exportFileHash,
  META_FORMAT,
  META_FORMAT_VERSION,
  metaIsConsistent,
  metaRows,
  parseExportMeta
} from '../../../electron/services/export/meta'
import { sampleRecords } from './sampleRecords'

const fields = (sampleRecords(1)[0] as { fields: RecordFields }).fields
/** sampleRecords(1)[0] as hashed by format version 1, the first to write _meta sheets (JSON of the pairs). */
const FIRST_RECORD_HASH = '8ac94f23c7c7d6b7b7b51b0a0fa06124f4d8111fa9ea3cb10114ca4fb2a69c2b'
/** The same record as hashed by format version 2 (JSON of the values). */
const FIRST_RECORD_HASH_V2 = '74a0e32b28ea496a3d939fcc1f53f7201749fc8a46ffde26d86183521e7763e1'

describe('canonicalRecordHash', () => {
  const keys = annex2.columns.filter((c) => c.kind !== 'seq').map((c) => c.key)

  it('lists the annex fields’ values in column order, without 序号 and without other annexes’ fields', () => {
    const json = JSON.parse(canonicalRecordJson(annex2, { ...fields, stopDate: '2024-06-01' })) as string[]
    expect(json).toHaveLength(keys.length)
    expect(json[keys.indexOf('problemTypes')]).toBe((fields['problemTypes'] as string[]).join('、'))
    expect(json[keys.indexOf('name')]).toBe(fields['name'])
  })

  it('format version 1 hashed the [key, value] pairs, and still does for files of that version', () => {
    const pairs = JSON.parse(canonicalRecordJson(annex2, fields, 1)) as [string, string][]
    expect(pairs.map(([k]) => k)).toEqual(keys)
    expect(pairs.map(([, v]) => v)).toEqual(JSON.parse(canonicalRecordJson(annex2, fields)))
  })

  it('has not changed since files were exported: an earlier export’s hash of a record is still its hash', () => {
    expect(canonicalRecordHash(annex2, fields, 1)).toBe(FIRST_RECORD_HASH)
    expect(META_FORMAT_VERSION).toBe(2)
    expect(canonicalRecordHash(annex2, fields)).toBe(FIRST_RECORD_HASH_V2)
  })

  it('is the same for what reads back the same: key order, edge spaces, empty lists, missing keys', () => {
    const reordered = Object.fromEntries(Object.entries(fields).reverse())
    const spaced = { ...fields, name: ` ${String(fields['name'])}\u3000`, remarks: '' }
    expect(canonicalRecordHash(annex2, reordered)).toBe(canonicalRecordHash(annex2, fields))
    const blankRemarks = canonicalRecordHash(annex2, { ...fields, remarks: '' })
    expect(canonicalRecordHash(annex2, { ...spaced, remarks: [] })).toBe(blankRemarks)
    const { remarks: _dropped, ...withoutRemarks } = fields
    expect(canonicalRecordHash(annex2, withoutRemarks)).toBe(blankRemarks)
  })

  it('changes when any printed value changes', () => {
    const base = canonicalRecordHash(annex2, fields)
    for (const col of annex2.columns.filter((c) => c.kind !== 'seq')) {
      const changed = { ...fields, [col.key]: `${String(fields[col.key] ?? '')}改` }
      expect(canonicalRecordHash(annex2, changed), col.key).not.toBe(base)
    }
  })

  it('reads numbers the way a spreadsheet gives them back', () => {
    const columns = [{ key: 'fine', header: '罚款金额（万元）', kind: 'money', width: 10 }] as const
    const money: AnnexDefinition<RecordFields> = { ...annex2, columns }
    expect(canonicalRecordHash(money, { fine: '12.50' })).toBe(canonicalRecordHash(money, { fine: '12.5' }))
    expect(canonicalRecordHash(money, { fine: '12.50' })).not.toBe(canonicalRecordHash(money, { fine: '12.51' }))
  })
})

describe('the _meta sheet', () => {
  const hashes = ['a'.repeat(64), 'b'.repeat(64)]
  const head = { annexId: 'annex2', annexVersion: 1, unitName: '八坊街道', filledDate: '2024-05-09' }
  const fileHash = exportFileHash({ ...head, contentHashes: hashes })
  const meta: ExportMeta = {
    format: META_FORMAT,
    formatVersion: 1,
    kind: 'export',
    campaignId: 'linxia-2024',
    ...head,
    exportedAt: '2024-05-09T02:30:00.000Z',
    appVersion: '0.1.0',
    recordCount: 2,
    fileHash,
    checkCode: checkCodeOf(fileHash),
    records: hashes.map((h, i) => ({
      recordId: `r${i}`, problemNo: `LXS-2024-005-000${i + 1}`,
      row: 6 + i, contentHash: h }))
  }

  it('reads back what was written', () => {
    expect(parseExportMeta(metaRows(meta))).toEqual(meta)
    expect(metaIsConsistent(meta)).toBe(true)
  })

  it('has a short 校验码: 8 upper-case hex digits of the file hash', () => {
    expect(meta.checkCode).toBe(fileHash.slice(0, 8).toUpperCase())
  })

  it('reads format versions 1 and 2, and does not recognise other sheets or a later format version', () => {
    expect(parseExportMeta(metaRows({ ...meta, formatVersion: 2 }))).toEqual({ ...meta, formatVersion: 2 })
    expect(parseExportMeta([])).toBeNull()
    expect(parseExportMeta([['序号', '单位'], [1, '八坊街道']])).toBeNull()
    expect(parseExportMeta(metaRows({ ...meta, formatVersion: 3 }))).toBeNull()
  })

  it('notices a _meta edited by hand', () => {
    const records = meta.records.map((r, i) => (i === 1 ? { ...r, contentHash: 'c'.repeat(64) } : r))
    const edited = { ...meta, records }
    expect(metaIsConsistent(parseExportMeta(metaRows(edited))!)).toBe(false)
    expect(metaIsConsistent({ ...meta, unitName: '城郊镇' })).toBe(false)
  })

  it('gives the same 校验码 for the same content whenever it is exported', () => {
    expect(exportFileHash({ ...meta, contentHashes: hashes })).toBe(fileHash)
    expect(exportFileHash({ ...meta, contentHashes: [...hashes].reverse() })).not.toBe(fileHash)
  })
})
