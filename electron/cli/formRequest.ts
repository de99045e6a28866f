/**
 * Turns what a user asked for by name (附件, 单位, 填报日期, file) into the export's inputs, or into a Chinese
 * sentence saying what is wrong; and writes the finished form to disk. Shared by `slw template`, `slw export`, and
 * (the column mapping) `slw import` and `slw check`.
 */
import type { AnnexDefinition } from '@shared/annexes/types'
import type { Campaign, CampaignUnit } from '@shared/campaign/campaign'
import { unitByName } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { parseDateText } from '@shared/domain/normalize'
import { ANNEXES, annexById, recordAnnex } from '@shared/annexes/registry'
import type { ColumnMapping } from '@shared/annexes/columnMapping'
import { parseMappingJson, parseMappingText } from '@shared/annexes/columnMapping'
import { readFile } from 'node:fs/promises'
import type { ExportMeta } from '../services/export/meta'
import { saveErrorMessage, saveFileAtomically } from '../services/export/saveFile'
import type { AnnexWorkbookInput } from '../services/export/workbook'
import { writeAnnexWorkbook } from '../services/export/workbook'

export type Resolved<T> = { ok: true; value: T } | { ok: false; message: string }

export function resolveAnnex(id: string | undefined): Resolved<AnnexDefinition<RecordFields>> {
  const known = ANNEXES.map((a) => `${a.id}（${a.label}）`).join('、')
  if (!id) return { ok: false, message: `请指定附件，可选：${known}。` }
  const annex = annexById(id)
  return annex ? { ok: true, value: annex } : { ok: false, message: `没有“${id}”这个附件，可选：${known}。` }
}

export function resolveUnit(campaign: Campaign, name: string | undefined): Resolved<CampaignUnit> {
  if (!name) return { ok: false, message: '请用 --unit 指定填报单位，如 --unit 八坊街道。' }
  const unit = unitByName(campaign, name)
  return unit ? { ok: true, value: unit } : { ok: false, message: `“${name}”不是本次整治工作中的单位，请写单位简称，如 八坊街道、市工信局。` }
}

/** 填报日期 as typed (2024-05-09, 2024/5/9, 2024年5月9日) → ISO; blank stays blank. */
export function resolveDate(text: string | undefined): Resolved<string> {
  if (!text) return { ok: true, value: '' }
  const d = parseDateText(text)
  return d.ok ? { ok: true, value: d.iso } : { ok: false, message: `填报日期“${text}”无法识别，请写作 2024-05-09 或 2024年5月9日。` }
}

export function resolveOut(path: string | undefined): Resolved<string> {
  if (path?.toLowerCase().endsWith('.xlsx')) return { ok: true, value: path }
  return { ok: false, message: '请用 --out 指定要生成的 .xlsx 文件。' }
}

/** Writes the form to `path` and says where and what (exit code 0), or why it could not (1). */
export async function writeFormCommand(path: string, input: AnnexWorkbookInput): Promise<number> {
  const { bytes, meta } = await writeAnnexWorkbook(input)
  try {
    await saveFileAtomically(path, bytes)
  } catch (e) {
    process.stderr.write(`${saveErrorMessage(path, e)}\n`)
    return 1
  }
  process.stdout.write(writtenMessage(input.annex, meta, path))
  return 0
}

function writtenMessage(annex: AnnexDefinition<RecordFields>, meta: ExportMeta, path: string): string {
  const what = meta.kind === 'template' ? '空白表' : meta.kind === 'draft' ? `${meta.recordCount} 条记录的草稿（有记录未填完，不得报送）` : `${meta.recordCount} 条记录`
  const unit = meta.unitName ? `（${meta.unitName}）` : ''
  return `已生成${annex.label}《${annex.title}》${unit}：${path}\n${what}，校验码 ${meta.checkCode}\n`
}

/**
 * The clerk's column mapping of `--map 企业地址=详细地址,整改意见=整治措施` and/or `--map-file m.json` (a JSON object,
 * merged under --map), resolved against every field a record has; undefined when neither is given.
 */
export async function resolveMapping(text: string | undefined, file: string | undefined): Promise<Resolved<ColumnMapping | undefined>> {
  if (text === undefined && file === undefined) return { ok: true, value: undefined }
  const mapping = new Map<string, string | null>()
  if (file !== undefined) {
    let json: unknown
    try {
      json = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''))
    } catch {
      return { ok: false, message: `无法读取对应关系文件“${file}”，它应是 JSON 对象，如 {"企业地址": "详细地址"}。` }
    }
    const parsed = parseMappingJson(json, recordAnnex)
    if (!parsed.ok) return { ok: false, message: `对应关系文件“${file}”：${parsed.message}。` }
    for (const [k, v] of parsed.mapping) mapping.set(k, v)
  }
  if (text !== undefined) {
    const parsed = parseMappingText(text, recordAnnex)
    if (!parsed.ok) return { ok: false, message: `--map：${parsed.message}。` }
    for (const [k, v] of parsed.mapping) mapping.set(k, v)
  }
  return { ok: true, value: mapping }
}
