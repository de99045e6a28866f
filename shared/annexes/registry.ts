import { annex2 } from './annex2'
import { annex3 } from './annex3'
import { annex4 } from './annex4'
import { contacts } from './contacts'
import { eco } from './eco'
import { huikan, isHuikan } from './huikan'
import { illegal } from './illegal'
import { tlc } from './tlc'
import { weekly } from './weekly'
import type { AnnexColumn, AnnexDefinition, FormKey } from './types'
import type { RecordFields } from '../ledger/record'
import { fieldText } from '../ledger/record'
import { LIFECYCLE_READS } from '../lifecycle/fields'

/**
 * Every official form the program knows. A new form is its definition file and one line here: the ledger's tabs,
 * the office's streams and views, the IPC contract's enum and the CLI's `--annex` names are computed from what each
 * definition declares (AnnexPlaces).
 */
export const ANNEXES = [annex2, annex3, annex4, tlc, illegal, eco, huikan, contacts, weekly] as const

type Form = (typeof ANNEXES)[number]
export type AnnexId = Form['id']
/** The same list read as plain definitions, for what every form may declare. */
const FORMS: readonly AnnexDefinition<RecordFields>[] = ANNEXES

export function annexById(id: string): AnnexDefinition<RecordFields> | undefined {
  return FORMS.find((a) => a.id === id)
}

/** The forms shown as tabs of a unit's ledger, in tab order. */
export const LEDGER_FORMS: readonly AnnexDefinition<RecordFields>[] = FORMS.filter((a) => a.ledgerTab).sort(
  (a, b) => (a.ledgerTab?.order ?? 0) - (b.ledgerTab?.order ?? 0)
)

/** The forms over a unit's 2024 records (not the 回头看台账 of 2023 items, the contact list or the weekly 附表). */
export const RECORD_FORMS: readonly AnnexDefinition<RecordFields>[] = LEDGER_FORMS.filter((a) => a !== huikan)

/** The forms the office merges on its own (a consolidation each, shown even before any file arrives). */
export const OFFICE_FORMS: readonly AnnexDefinition<RecordFields>[] = FORMS.filter((a) => a.office?.merge === 'form')

/** The office's 汇总表格 menu: the forms whose consolidation it shows record by record, with their menu names. */
type OfficeViewForm = Extract<Form, { readonly office: { readonly view: string } }>
export type OfficeViewId = OfficeViewForm['id']
export const OFFICE_VIEWS = FORMS.filter((a): a is OfficeViewForm => a.office?.view !== undefined)
export const OFFICE_VIEW_IDS = OFFICE_VIEWS.map((a) => a.id) as [OfficeViewId, ...OfficeViewId[]]

/** Fields no form prints, named for the history and messages; keyed by a field name that may come from a file. */
const OTHER_FIELDS = {
  status: '状态',
  foundDate: '发现日期',
  convertedFrom: '原整治类别',
  convertDate: '转关停取缔日期',
  reopenDate: '重新整治日期',
  reopenedFrom: '回头看来源',
  track: '台账类别',
  // What 整合搬迁 needs before 已完成 (lifecycle/requirements.ts) beyond 附件4's columns.
  relocationDate: '搬迁完成日期',
  newSiteLicence: '新址营业执照',
  newSiteEia: '新址环评手续',
  // Who approved the 销号 (evidence/closeEvidence.ts).
  closeApprover: '销号审核人',
  closeApproverTitle: '审核人职务'
} as const

/**
 * A field of a record in a unit's ledger: a column of a ledger tab's form, or a field no form prints. The stored
 * JSON stays string-keyed (RecordFields); code that names a field names one of these, so a misspelt key is a
 * compile error rather than a field that is always blank.
 */
export type LedgerKey = FormKey<Extract<Form, { readonly ledgerTab: object }>> | keyof typeof OTHER_FIELDS

// Every field the lifecycle rules read (lifecycle/fields.ts) is a field of a ledger record: a compile error otherwise.
LIFECYCLE_READS satisfies readonly LedgerKey[]

/** A text field of a ledger record, trimmed ('' when blank or a list). */
export const recordText = (fields: RecordFields, key: LedgerKey): string => fieldText(fields, key)

/** The records a form lists: its own filter, and 2023 回头看 items only on the 回头看台账. */
export function formIncludes(annex: AnnexDefinition<RecordFields>, fields: RecordFields): boolean {
  if (isHuikan(fields) !== (annex === huikan)) return false
  return annex.rowFilter ? annex.rowFilter(fields) : true
}

/** A form's file and message name: 附件2, or the list's sheet name when it has no annex number. */
export const formName = (annex: AnnexDefinition<RecordFields>): string => annex.label || annex.sheetName

/**
 * Every field of a 2024 record, each under the definition of the first form that has it: one validation pass per
 * record serves every tab, whichever form the record is shown on.
 */
export const recordColumns: readonly AnnexColumn[] = (() => {
  const seen = new Map<string, AnnexColumn>()
  for (const form of RECORD_FORMS) for (const c of form.columns) if (!seen.has(c.key)) seen.set(c.key, c)
  return [...seen.values()]
})()

/** The definition records are validated against: 附件2's, with the fields of the other forms added. */
export const recordAnnex: AnnexDefinition<RecordFields> = { ...annex2, id: 'record', columns: recordColumns }

/** How a field is called to the user: the form header (with its group, e.g. 断电·完成日期), or its plain name. */
export function fieldLabel(key: string): string {
  const col = [...recordColumns, ...huikan.columns].find((c) => c.key === key)
  if (col) return col.group ? `${col.group}·${col.header}` : col.header
  return Object.hasOwn(OTHER_FIELDS, key) ? OTHER_FIELDS[key as keyof typeof OTHER_FIELDS] : key
}
