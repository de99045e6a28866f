/**
 * AG Grid columns derived from an annex definition: header groups, editors per field kind, dropdown domains from
 * the campaign, and issue marking (class + tooltip) from the current validation result.
 */
import type { ColDef, ColGroupDef, ITooltipParams } from 'ag-grid-community'
import type { AnnexColumn, AnnexDefinition } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import type { FieldIssue } from '@shared/domain/issues'
import { canonicalOption, valueFromTyped, valueToText } from '@shared/validation/cellInput'
import { optionsOf } from '@shared/validation/validateRecord'
import type { GridRow } from './ledgerModel'
import { ProblemTypesEditor } from './ProblemTypesEditor'
import { ChoiceCellEditor } from './editors/ChoiceCellEditor'
import { DateCellEditor } from './editors/DateCellEditor'
import { DateRangeFilter } from './filters/DateRangeFilter'
import { ValueListFilter } from './filters/ValueListFilter'

/** Read at render time, so new validation results only need a cell refresh, not new column definitions. */
export interface IssueSource {
  issuesOf(rowId: string): readonly FieldIssue[] | undefined
  indexOf(rowId: string): number
}

/**
 * Printed width (Excel units) → grid pixels, compact so at least eight columns show at 1366×768 beside the side
 * panel; long text columns are capped (the editor shows the whole text, the clerk can widen and it is remembered).
 */
const px = (units: number): number => Math.round(Math.min(units, 18) * 7 + 30)

/** The record's name stays in sight while the clerk scrolls right, as a frozen column in Excel. */
const pinnedLeft = (col: AnnexColumn): Partial<ColDef<GridRow>> => (col.key === 'name' ? { pinned: 'left', lockPinned: true } : {})

function issuesFor(src: IssueSource, row: GridRow | undefined, key: string): FieldIssue[] {
  if (!row) return []
  return (src.issuesOf(row.id) ?? []).filter((i) => i.field === key)
}

function editorFor(col: AnnexColumn, campaign: Campaign): Partial<ColDef<GridRow>> {
  switch (col.kind) {
    case 'enum':
      return {
        cellEditor: ChoiceCellEditor,
        cellEditorPopup: true,
        cellEditorParams: { options: optionsOf(col, campaign), canonical: (text: string) => canonicalOption(col, text, campaign) }
      }
    case 'multiEnum':
      return { cellEditor: ProblemTypesEditor, cellEditorPopup: true, cellEditorParams: { options: optionsOf(col, campaign) } }
    case 'date':
      // Text read like import, never the browser's date input (mm/dd/yyyy, and it drops what it cannot read).
      return { cellEditor: DateCellEditor, cellEditorPopup: true }
    case 'text':
      return col.multiline
        ? { cellEditor: 'agLargeTextCellEditor', cellEditorPopup: true, cellEditorParams: { maxLength: 2000, rows: 6, cols: 50 } }
        : { cellEditor: 'agTextCellEditor' }
    default:
      return { cellEditor: 'agTextCellEditor' }
  }
}

/** Choice columns get a list of their values to tick, date columns a 从/到 range, the rest the text filter. */
function filterFor(col: AnnexColumn, campaign: Campaign): Partial<ColDef<GridRow>> {
  switch (col.kind) {
    case 'enum':
    case 'multiEnum':
      return { filter: ValueListFilter, filterParams: { options: optionsOf(col, campaign) } }
    case 'date':
      return { filter: DateRangeFilter }
    default:
      return { filter: 'agTextColumnFilter' }
  }
}

/** A derived column (两断三清 √/×, 整治进展): computed from the record, never edited. */
function derivedColumn(col: AnnexColumn, derive: NonNullable<AnnexColumn['derive']>): ColDef<GridRow> {
  return {
    colId: col.key,
    headerName: col.header,
    headerTooltip: `${col.hint ?? col.header}（自动计算）`,
    width: px(col.width),
    editable: false,
    cellClass: 'cell-derived',
    valueGetter: (p) => (p.data ? valueToText(derive(p.data.fields)) : ''),
    filter: 'agTextColumnFilter'
  }
}

function fieldColumn(col: AnnexColumn, campaign: Campaign, src: IssueSource, editable: boolean): ColDef<GridRow> {
  if (col.derive) return derivedColumn(col, col.derive)
  return {
    colId: col.key,
    headerName: col.header,
    headerTooltip: col.hint ?? col.header,
    width: px(col.width),
    ...pinnedLeft(col),
    editable,
    valueGetter: (p) => p.data?.fields[col.key] ?? (col.kind === 'multiEnum' ? [] : ''),
    valueFormatter: (p) => valueToText(p.value as RecordFields[string] | undefined),
    // Text typed into a cell is read like an imported cell: codes and phones normalised, dates to ISO, synonyms mapped.
    valueParser: (p) => (typeof p.newValue === 'string' ? valueFromTyped(col, p.newValue, campaign) : p.newValue),
    ...filterFor(col, campaign),
    filterValueGetter: (p) => valueToText(p.data?.fields[col.key]),
    getQuickFilterText: (p) => valueToText(p.data?.fields[col.key]),
    comparator: (a, b) => valueToText(a as RecordFields[string]).localeCompare(valueToText(b as RecordFields[string]), 'zh-CN'),
    cellClassRules: {
      'cell-error': (p) => issuesFor(src, p.data, col.key).some((i) => i.severity === 'error'),
      'cell-warning': (p) => {
        const issues = issuesFor(src, p.data, col.key)
        return issues.length > 0 && issues.every((i) => i.severity === 'warning')
      }
    },
    tooltipValueGetter: (p: ITooltipParams<GridRow>) => {
      const issues = issuesFor(src, p.data, col.key)
      return issues.length ? issues.map((i) => `${i.severity === 'error' ? '错误' : '提示'}：${i.message}`).join('\n') : undefined
    },
    ...editorFor(col, campaign)
  }
}

/** `editable` is false for a ledger opened read-only (written by a newer version of the program). */
export function buildColumnDefs(
  annex: AnnexDefinition<RecordFields>,
  campaign: Campaign,
  src: IssueSource,
  editable: boolean
): (ColDef<GridRow> | ColGroupDef<GridRow>)[] {
  const defs: (ColDef<GridRow> | ColGroupDef<GridRow>)[] = [
    {
      colId: 'seq',
      headerName: '序号',
      width: 56,
      pinned: 'left',
      lockPinned: true,
      editable: false,
      sortable: false,
      filter: false,
      // The row's place on this form, the number the exported form prints; it does not follow the grid's sort.
      valueGetter: (p) => (p.data ? src.indexOf(p.data.id) + 1 : ''),
      cellClassRules: {
        'cell-error': (p) => !!p.data && (src.issuesOf(p.data.id) ?? []).some((i) => i.severity === 'error' && i.field === null)
      }
    },
    {
      colId: 'problemNo',
      headerName: '问题编号',
      headerTooltip: '保存后自动编号，不能修改',
      width: 132,
      editable: false,
      valueGetter: (p) => p.data?.problemNo ?? '',
      getQuickFilterText: (p) => p.data?.problemNo ?? ''
    }
  ]
  const groups = new Map<string, ColGroupDef<GridRow>>()
  for (const col of annex.columns) {
    // 序号 and 问题编号 are the grid's own first columns.
    if (col.kind === 'seq' || col.key === 'problemNo') continue
    const def = fieldColumn(col, campaign, src, editable)
    if (!col.group) {
      defs.push(def)
      continue
    }
    let group = groups.get(col.group)
    if (!group) {
      group = { headerName: col.group, groupId: col.group, children: [] }
      groups.set(col.group, group)
      defs.push(group)
    }
    group.children.push(def)
  }
  return defs
}

/** The columns a user can type or paste into, by grid column id (not 序号, 问题编号 or derived columns). */
export function annexColumnByColId(annex: AnnexDefinition<RecordFields>): Map<string, AnnexColumn> {
  return new Map(annex.columns.filter((c) => c.kind !== 'seq' && !c.derive).map((c) => [c.key, c]))
}
