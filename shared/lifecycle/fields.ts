/**
 * The fields of a record the lifecycle rules read. The forms (annexes/) sit above the lifecycle and are built on it,
 * so it cannot take their key union: it names its inputs here, and registry.ts checks at compile time that each is a
 * field of a ledger form (or a field no form prints), so a misspelt key fails to compile instead of reading blank.
 */
import type { RecordFields } from '../ledger/record'
import { fieldText } from '../ledger/record'

const READS = [
  // identity, as 附件2 has it
  'town', 'village', 'name', 'uscc', 'operator', 'phone', 'address', 'category', 'measures', 'deadline',
  // the work's steps and what proves them (附件3, 附件4, 两断三清, 违法问题查处清单)
  'stopDate', 'completeDate', 'evidence', 'acceptDate', 'acceptDept', 'acceptResult', 'restarted', 'restartDate',
  'closeDate', 'relocationTarget', 'oldSite', 'tlcInspector', 'tlcInspectDate',
  'caseFiled', 'caseDate', 'decisionNo', 'decisionDate', 'fineAmount', 'penaltyKinds', 'caseClosedDate',
  // kept by the lifecycle itself (no form prints them)
  'status', 'track', 'convertedFrom', 'convertDate', 'reopenDate', 'relocationDate', 'newSiteLicence', 'newSiteEia',
  // the 回头看台账 of 2023 items
  'hkCategory2023', 'hkClosedDate', 'hkFinding', 'hkResurgent', 'hkMeasure', 'hkLinked'
] as const

/** tlc.ts reads the 两断三清 items by tlcKey, typed by its own template. */
export type LifecycleKey = (typeof READS)[number]

export const LIFECYCLE_READS: readonly LifecycleKey[] = READS

/** A text field the lifecycle reads, trimmed ('' when blank or a list). */
export const lifecycleText = (fields: RecordFields, key: LifecycleKey): string => fieldText(fields, key)
