/**
 * Staged import into a unit's ledger: preview (read, validate, match, nothing written), then commit (one durable
 * save, after a pre-import snapshot), and undo while nothing else changed since. A staged preview lives in memory
 * only; the commit applies exactly what the preview showed, or refuses when the ledger moved on.
 */
import { createHash, randomUUID } from 'node:crypto'
import { annex2 } from '@shared/annexes/annex2'
import { HUIKAN_TRACK, huikan } from '@shared/annexes/huikan'
import { formIncludes } from '@shared/annexes/registry'
import { isBlank } from '@shared/validation/validateRecord'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { ColumnMapping } from '@shared/annexes/columnMapping'
import { headerSignature } from '@shared/annexes/columnMapping'
import { normalizeHeader } from '@shared/annexes/headers'
import type { RecordFields } from '@shared/ledger/record'
import { chinaDate } from '@shared/domain/chinaTime'
import type { Campaign } from '@shared/campaign/campaign'
import { unitById } from '@shared/campaign/campaign'
import type { ImportDone, ImportPreview, LedgerView } from '@shared/ipc/contract'
import { AppFailure } from '@shared/ipc/result'
import type { ImportPlan } from '@shared/ledger/importPlan'
import { planImport } from '@shared/ledger/importPlan'
import { withoutDeadlineNote } from '@shared/lifecycle/lifecycleIssues'
import type { LedgerChanges } from '@shared/ledger/record'
import type { ImportIssue, ImportResult } from './import/importResult'
import type { ReadOptions } from './import/readAnnexWorkbook'
import { isFileRefused } from './import/importResult'
import type { DataDir } from './storage/ledgerStore'
import type { Assignment } from './storage/mappingStore'
import { reportProgress } from './progress'

/** Reads a file as `annex`, its columns as the clerk assigned them, or as remembered for its header row (ReadOptions). */
export type ReadWorkbook = (bytes: Buffer, fileName: string, annex: AnnexDefinition<RecordFields>, columns?: Pick<ReadOptions, 'mapping' | 'remembered'>) => Promise<ImportResult>

interface Staged {
  unitId: string
  generation: number
  preview: ImportPreview
  plan: ImportPlan
  /** The header row the clerk's assignments are remembered by once the import is taken. */
  signature: string
}

interface Committed {
  stageId: string
  generation: number
  inverse: LedgerChanges
}

const KEPT_STAGES = 5

export class ImportStager {
  private readonly staged = new Map<string, Staged>()
  private readonly committed = new Map<string, Committed>()

  constructor(
    private readonly dataDir: DataDir,
    private readonly campaign: Campaign,
    private readonly read: ReadWorkbook,
    private readonly today: () => string = () => chinaDate(new Date())
  ) {}

  /**
   * Reads a file as one of the unit's forms (附件2 by default; the 回头看台账 takes the 2023 closed ledger), its headers
   * bound as the clerk assigned them (`mapping`: source header → field key, or null for 忽略); without an assignment,
   * as the clerk assigned the same header row last time, if ever.
   */
  async preview(unitId: string, fileName: string, bytes: Buffer, annex: AnnexDefinition<RecordFields> = annex2, mapping?: Assignment): Promise<ImportPreview> {
    const store = await this.dataDir.ledger(unitId)
    const { records, generation } = store.view()
    // The header row's signature and what was remembered for it, as the reader looked them up (one parse either way).
    const seen: { signature?: string; saved?: Assignment } = {}
    const mappings = mapping === undefined ? await this.dataDir.importMappings() : undefined
    const remembered = (signature: string): ColumnMapping | undefined => {
      seen.signature = signature
      seen.saved = mappings?.find(signature)
      return seen.saved && columnMappingOf(seen.saved)
    }
    const result = await this.read(bytes, fileName, annex, mapping ? { mapping: columnMappingOf(mapping) } : { remembered })
    const signature = seen.signature ?? headerSignature(result.sourceColumns ?? [])
    const saved = seen.saved
    const refused = isFileRefused(result)
    // Rows of a form are matched against the records that form lists (a 2023 item is never a 2024 record).
    const onForm = records.filter((r) => formIncludes(annex, r.fields))
    // New 2024 records count as found on the file's 填报日期 (the weekly report counts new finds by it).
    const extra: RecordFields = annex === huikan ? { track: HUIKAN_TRACK } : { foundDate: result.filledDate ?? this.today() }
    // The deadline note the form printed in 备注 was that day's, not the clerk's: it does not come back as an edit.
    const rows = result.rows.map((r) => ({ ...r, fields: { ...withoutDeadlineNote(r.fields, annex.deadlineNote), ...extra } }))
    const plan = planImport(refused ? [] : rows, onForm, annex, randomUUID)
    const unitName = unitById(this.campaign, unitId)?.name ?? null
    // A required field left blank makes the row a draft to complete (待补充), not a wrong value.
    const blankRequired = (i: ImportIssue, fields: RecordFields): boolean => i.code === 'REQUIRED_EMPTY' && isBlank(fields[annex.columns.find((c) => c.header === i.column)?.key ?? ''])
    const tallies = result.rows.map((r) => {
      const errors = r.issues.filter((i) => i.severity === 'error')
      const blank = errors.filter((i) => blankRequired(i, r.fields)).length
      return { errors: errors.length - blank, blank, warnings: r.issues.length - errors.length }
    })
    const stageId = randomUUID()
    const counts = { new: 0, changed: 0, unchanged: 0 }
    for (const r of plan.rows) counts[r.status]++
    const preview: ImportPreview = {
      stageId,
      file: fileName,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      annex: result.annex,
      sheet: result.sheet,
      unit: result.unit,
      otherUnit: result.unit !== null && result.unit !== unitName,
      filledDate: result.filledDate,
      refused,
      ownExport: result.ownExport ?? null,
      counts: {
        rows: result.rowCount,
        ...counts,
        withErrors: tallies.filter((t) => t.errors > 0).length,
        incomplete: tallies.filter((t) => t.errors === 0 && t.blank > 0).length,
        notInFile: plan.notInFile
      },
      rows: result.rows.map((row, i) => {
        const planned = plan.rows[i]
        const name = row.fields['name']
        return {
          rowNumber: row.rowNumber,
          status: planned?.status ?? 'new',
          problemNo: planned?.problemNo ?? row.problemNo ?? null,
          name: typeof name === 'string' ? name : '',
          changes: planned?.changes ?? [],
          ...(tallies[i] as (typeof tallies)[number])
        }
      }),
      issues: result.issues,
      columns: result.sourceColumns ?? [],
      mapping: saved ?? mapping ?? {},
      remembered: saved !== undefined
    }
    this.staged.set(stageId, { unitId, generation, preview, plan, signature })
    // Only the last few previews can be committed; older ones are forgotten.
    for (const id of [...this.staged.keys()].slice(0, -KEPT_STAGES)) this.staged.delete(id)
    return preview
  }

  async commit(unitId: string, stageId: string, acceptOtherUnit: boolean, actor: string): Promise<ImportDone> {
    const staged = this.staged.get(stageId)
    if (!staged || staged.unitId !== unitId) throw new AppFailure('NOT_FOUND', '这次导入的预览已失效，请重新选择文件导入。')
    const { preview, plan, signature } = staged
    if (preview.refused) throw new AppFailure('INVALID_INPUT', `文件“${preview.file}”不能导入，请先按预览中的提示修改文件。`)
    if (preview.otherUnit && !acceptOtherUnit) {
      throw new AppFailure('INVALID_INPUT', `文件的填报单位是“${preview.unit}”，不是本单位；如确实要导入，请勾选确认后再导入。`)
    }
    const store = await this.dataDir.ledger(unitId)
    if (store.generation !== staged.generation) {
      throw new AppFailure('STALE', '预览之后台账又有了修改，为防止覆盖，本次导入未执行。请重新选择文件导入。')
    }
    const { new: added, changed } = preview.counts
    if (added + changed === 0) {
      this.staged.delete(stageId)
      return { view: store.view(), stageId, summary: `文件“${preview.file}”与台账一致，没有需要导入的修改。` }
    }
    reportProgress('备份并保存台账', added + changed, null, '条')
    const backup = await store.snapshot('pre-import')
    const receipt = await store.save({ unitId, baseGeneration: staged.generation, changes: plan.changes }, actor)
    this.staged.delete(stageId)
    // The clerk's assignments, taken with the file, map next week's file of the same headers by themselves.
    if (Object.keys(preview.mapping).length > 0 && !preview.remembered) await (await this.dataDir.importMappings()).remember(signature, preview.mapping)
    this.committed.set(unitId, { stageId, generation: receipt.generation, inverse: plan.inverse })
    return {
      view: store.view(),
      stageId,
      summary:
        `已导入“${preview.file}”：新增 ${added} 条，修改 ${changed} 条，${preview.counts.unchanged} 条无变化。` +
        (backup ? '导入前的台账已备份。' : '')
    }
  }

  /** Puts the ledger back as it was before the import, as long as nothing was saved since. */
  async undo(unitId: string, stageId: string, actor: string): Promise<LedgerView> {
    const done = this.committed.get(unitId)
    if (!done || done.stageId !== stageId) throw new AppFailure('NOT_FOUND', '没有可以撤销的导入。')
    const store = await this.dataDir.ledger(unitId)
    if (store.generation !== done.generation) {
      throw new AppFailure('STALE', '导入之后台账又有了修改，不能自动撤销这次导入；导入前的台账备份在数据目录的 backups 文件夹中。')
    }
    await store.save({ unitId, baseGeneration: done.generation, changes: done.inverse }, actor)
    this.committed.delete(unitId)
    return store.view()
  }
}

/** The clerk's assignments by header as written, as the importer binds them (by header as compared). */
function columnMappingOf(assignment: Assignment): ColumnMapping {
  return new Map(Object.entries(assignment).map(([header, key]) => [normalizeHeader(header), key]))
}

