/**
 * The consolidated workbook's `_meta`: the unit exports' format (meta.ts) with kind `consolidated`, the office as
 * 填报单位, and per 明细 row its content hash and where it came from (unit, file, sha256, sheet, row), so a
 * consolidation read back as input (a roll-up) keeps every row's provenance and shows hand edits.
 */
import type { ExportMeta } from '../export/meta'
import { exportMeta } from '../export/workbook'
import type { OfficeContext } from './officeSheet'
import type { PrintedRow } from './printedRows'

export function consolidatedMeta(rows: readonly PrintedRow[], ctx: OfficeContext): ExportMeta {
  const { annex, campaign, header, appVersion, now } = ctx
  // Hashed as printed (备注 with its duplicate mark), so an untouched row reads back unedited.
  const records = rows.map((r) => ({ id: r.row.provenance.recordId ?? '', problemNo: '', fields: r.fields }))
  const meta = exportMeta({ annex, campaign, records, header, appVersion, now })
  return {
    ...meta,
    kind: 'consolidated',
    records: meta.records.map((m, i) => {
      const p = (rows[i] as PrintedRow).row.provenance
      return { ...m, source: { unit: p.unit, file: p.file, sha256: p.sha256, sheet: p.sheet, row: p.row } }
    })
  }
}
