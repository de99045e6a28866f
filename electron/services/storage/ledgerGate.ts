/**
 * The ledger loader's schema applied to every save, at the cost of what changed: a save is refused unless the
 * ledger it writes reads back as it is (LedgerPayloadSchema, the loader's check), so an acknowledged save is never
 * found damaged and rolled back at the next start.
 */
import { z } from 'zod'
import { fieldLabel } from '@shared/annexes/registry'
import { AppFailure } from '@shared/ipc/result'
import type { HistoryEntry, LedgerPayload, LedgerRecord } from '@shared/ledger/record'
import { LedgerPayloadSchema, STORAGE_LIMITS, unstorableValue } from '@shared/ledger/record'
import { schemaProblem } from './durableJsonFile'

export interface LedgerGate {
  /** The loader's validate: the payload parsed by LedgerPayloadSchema; what it returns counts as checked. */
  load: (payload: unknown) => LedgerPayload
  /** Throws an AppFailure naming the record and field when the ledger would not read back as it is. */
  admit: (ledger: LedgerPayload) => void
}

const { records: RecordsSchema, history: HistorySchema, ...envelope } = LedgerPayloadSchema.shape
const EnvelopeSchema = z.object(envelope)

/**
 * `freeze` makes loaded records immutable (the encoder relies on it too). A frozen record or history entry checked
 * once is remembered, so a save of a 20,000-row ledger checks only the records it changed.
 */
export function ledgerGate(freeze: (ledger: LedgerPayload) => LedgerPayload): LedgerGate {
  const checked = new WeakSet<object>()
  const remember = (items: readonly object[]): void => {
    for (const x of items) if (Object.isFrozen(x)) checked.add(x)
  }
  /** Checks one record or entry as it will read back: its JSON, parsed by the loader's schema, re-encoded alike. */
  const pass = (item: object, schema: z.ZodType, refuse: (why: string) => never): void => {
    if (checked.has(item)) return
    const json = JSON.stringify(item)
    const back = schema.safeParse(JSON.parse(json))
    if (!back.success) refuse(schemaProblem(back.error))
    if (JSON.stringify(back.data) !== json) refuse('部分内容无法按原样保存')
    if (Object.isFrozen(item)) checked.add(item)
  }
  return {
    load(payload) {
      const ledger = freeze(LedgerPayloadSchema.parse(payload))
      remember(ledger.records)
      remember(ledger.history)
      return ledger
    },
    admit(ledger) {
      const parsed = EnvelopeSchema.safeParse({ unitId: ledger.unitId, problemSeq: ledger.problemSeq })
      if (!parsed.success) throw refusal(`台账的${schemaProblem(parsed.error)}`)
      for (const r of ledger.records) pass(r, RecordsSchema.element, (why) => refuseRecord(r, why))
      for (const h of ledger.history) pass(h, HistorySchema.element, (why) => refuseHistory(h, why))
    }
  }
}

function refusal(what: string): AppFailure {
  return new AppFailure('INVALID_INPUT', `${what}，台账无法保存这样的内容；本次修改未保存，台账保持原样。请改正后重试。`)
}

/** The record and, when it is a value, the field storage cannot hold: 问题编号 …的记录「备注」有 33,000 字，超过…. */
function refuseRecord(r: LedgerRecord, why: string): never {
  const which = `${r.problemNo ? `问题编号 ${r.problemNo} ` : '新增'}的记录`
  const field = Object.entries(r.fields ?? {}).find(([, v]) => unstorableValue(v) !== null)
  if (field) throw refusal(`${which}「${fieldLabel(field[0])}」${unstorableValue(field[1])}`)
  if (typeof r.id !== 'string' || r.id.length < 1 || r.id.length > STORAGE_LIMITS.recordId) {
    throw refusal(`${which}内部编号长 ${String(r.id).length} 字，须为 1 至 ${STORAGE_LIMITS.recordId} 字`)
  }
  throw refusal(`${which}（${why}）`)
}

function refuseHistory(h: HistoryEntry, why: string): never {
  const value = [h.from, h.to].find((v) => v !== undefined && unstorableValue(v) !== null)
  const field = h.field ? `「${fieldLabel(h.field)}」` : ''
  throw refusal(`修改记录${field}${value !== undefined ? unstorableValue(value) : `（${why}）`}`)
}
