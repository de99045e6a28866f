/**
 * What a pasted block does to the form: each block column lands on the form's column it belongs to (pasteColumns),
 * its rows on the displayed rows from the anchor down, new rows appended past the last one where the form creates
 * records. Every value is read the way an import reads it. Nothing is applied when a value cannot be stored.
 */
import { TOTAL_ROW_LABEL } from '@shared/annexes/headers'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { unstorableValue } from '@shared/ledger/record'
import type { BlockColumn, ColumnMapping } from './pasteColumns'
import { CellReader, mapBlockColumns } from './pasteColumns'

export interface PasteTarget {
  /** The displayed rows' ids (after filter and sort). */
  rowIds: readonly string[]
  startRow: number
  /** The grid column the paste started on (序号, 问题编号 or a field key). */
  anchorKey: string
  /** Records are born on 摸底 and 回头看 only; elsewhere a block running past the last row is cut there. */
  createsRecords: boolean
}

export interface PastePlan {
  patches: { id: string; fields: RecordFields }[]
  newRows: RecordFields[]
  mapping: ColumnMapping
  /** Data rows of the block written (patched or new). */
  written: number
  /** Rows past the last row of a form that creates no records. */
  cutRows: number
  /** 合计 rows copied with the records. */
  totalRows: number
  /** Why nothing was pasted (a value too long to store), or null. */
  refused: string | null
}

const isBlank = (fields: RecordFields): boolean => Object.values(fields).every((v) => (Array.isArray(v) ? v.length === 0 : v === ''))

/** The written values of a new row: a blank pasted cell keeps the new row's default (乡镇, 责任单位 …). */
function written(fields: RecordFields): RecordFields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== '')))
}

export function planPaste(
  block: readonly (readonly string[])[],
  annex: AnnexDefinition<RecordFields>,
  target: PasteTarget,
  campaign: Campaign,
  newRowDefaults: RecordFields
): PastePlan {
  const reader = new CellReader(campaign)
  const mapping = mapBlockColumns(block, annex, target.anchorKey, reader)
  const plan: PastePlan = { patches: [], newRows: [], mapping, written: 0, cutRows: 0, totalRows: 0, refused: null }
  const fieldsAt = mapping.columns.map((m, c) => (m.to === 'field' ? { c, column: m.column } : null)).filter((x) => x !== null)
  let at = target.startRow
  for (let r = mapping.headerRows; r < block.length; r++) {
    const cells = block[r] ?? []
    const first = cells.find((t) => t.trim() !== '') ?? ''
    if (TOTAL_ROW_LABEL.test(first.normalize('NFKC').replace(/\s+/g, ''))) {
      plan.totalRows++
      continue
    }
    const fields: RecordFields = {}
    for (const { c, column } of fieldsAt) {
      const value = reader.read(column, cells[c] ?? '')
      const problem = unstorableValue(value)
      if (problem !== null) {
        return { ...plan, patches: [], newRows: [], written: 0, refused: `第${r + 1}行第${c + 1}列（${column.header}）${problem}，未粘贴任何内容；请删减后再粘贴。` }
      }
      fields[column.key] = value
    }
    const id = target.rowIds[at++]
    if (id !== undefined) plan.patches.push({ id, fields })
    else if (isBlank(fields)) continue
    else if (target.createsRecords) plan.newRows.push({ ...newRowDefaults, ...written(fields) })
    else {
      plan.cutRows++
      continue
    }
    plan.written++
  }
  return plan
}

/** 第1列 or 第2–5列: block columns as the clerk counts them in the copied range. */
function columnsText(indexes: readonly number[]): string {
  const runs: string[] = []
  for (let i = 0; i < indexes.length; ) {
    let j = i
    while (j + 1 < indexes.length && (indexes[j + 1] as number) === (indexes[j] as number) + 1) j++
    runs.push(i === j ? `${(indexes[i] as number) + 1}` : `${(indexes[i] as number) + 1}–${(indexes[j] as number) + 1}`)
    i = j + 1
  }
  return `第${runs.join('、')}列`
}

function indexesWhere(columns: readonly BlockColumn[], test: (m: BlockColumn) => boolean): number[] {
  return columns.flatMap((m, c) => (test(m) ? [c] : []))
}

/**
 * 第2–26列→乡镇（街道）…备注 for block columns that land on the form's columns in its printed order, 第5列→乡镇（街道）
 * for one out of it (a block mapped by its own header).
 */
function landedText(columns: readonly BlockColumn[], annex: AnnexDefinition<RecordFields>): string {
  const landed = columns.flatMap((m, c) => (m.to === 'field' ? [{ c, column: m.column, at: annex.columns.indexOf(m.column) }] : []))
  const runs: string[] = []
  for (let i = 0; i < landed.length; ) {
    let j = i
    while (j + 1 < landed.length && landed[j + 1]?.c === (landed[j]?.c ?? 0) + 1 && landed[j + 1]?.at === (landed[j]?.at ?? 0) + 1) j++
    const first = landed[i] as (typeof landed)[number]
    const last = landed[j] as (typeof landed)[number]
    runs.push(j - i >= 2 ? `第${first.c + 1}–${last.c + 1}列→${first.column.header}…${last.column.header}` : landed.slice(i, j + 1).map((l) => `第${l.c + 1}列→${l.column.header}`).join('，'))
    i = j + 1
  }
  return runs.join('，') || '没有可填写的列'
}

/** The notice after a paste: where the columns went, what was left out and why, how to undo. */
export function describePaste(plan: PastePlan, annex: AnnexDefinition<RecordFields>, formName: string): string {
  if (plan.refused) return plan.refused
  const { columns, by } = plan.mapping
  const how = by === 'header' ? '按复制内容的表头' : `按${formName}的列顺序`
  const added = plan.newRows.length ? `（其中新增 ${plan.newRows.length} 行）` : ''
  const parts = [`已${how}粘贴 ${plan.written} 行${added}：${landedText(columns, annex)}。`]
  const computed = indexesWhere(columns, (m) => m.to === 'computed')
  if (computed.length) {
    const names = [...new Set(columns.flatMap((m) => (m.to === 'computed' ? [m.column.header] : [])))]
    parts.push(`${columnsText(computed)}是${names.join('、')}，由程序编号或计算，已跳过。`)
  }
  const unknown = columns.flatMap((m, c) => (m.to === 'unknown' ? [m.header ? `第${c + 1}列“${m.header}”` : `第${c + 1}列（无表头）`] : []))
  if (unknown.length) parts.push(`${unknown.join('、')}不是${formName}的列，未粘贴。`)
  const duplicate = columns.flatMap((m, c) => (m.to === 'duplicate' ? [`第${c + 1}列（${m.column.header}）`] : []))
  if (duplicate.length) parts.push(`${duplicate.join('、')}与前面的列表头重复，未粘贴。`)
  const beyond = indexesWhere(columns, (m) => m.to === 'beyond')
  if (beyond.length) parts.push(`${columnsText(beyond)}超出${formName}的最后一列，未粘贴。`)
  if (plan.totalRows) parts.push(`${plan.totalRows} 个合计行未粘贴。`)
  if (plan.cutRows) parts.push(`超出本表最后一行的 ${plan.cutRows} 行未粘贴（新问题请在摸底台账中登记）。`)
  parts.push('可用“撤销”一次恢复。')
  return parts.join('')
}
