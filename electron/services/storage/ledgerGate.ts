/**
 * The ledger loader's schema applied to every save (payloadGate), with refusals that name the record and field: a
 * save is refused unless the ledger it writes reads back as it is, so an acknowledged save is never found damaged
 * and rolled back at the next start.
 */
import { fieldLabel } from '@shared/annexes/registry'
import { AppFailure } from '@shared/ipc/result'
import type { HistoryEntry, LedgerPayload, LedgerRecord } from '@shared/ledger/record'
import { LedgerPayloadSchema, RecordIdSchema, STORAGE_LIMITS, unstorableValue } from '@shared/ledger/record'
import { schemaProblem } from './durableJsonFile'
import type { PayloadGate } from './payloadGate'
import { payloadGate } from './payloadGate'

export function ledgerGate(): PayloadGate<LedgerPayload> {
  return payloadGate(LedgerPayloadSchema, { refusals: { records: refuseRecord, history: refuseHistory }, exact: true })
}

function refusal(what: string): AppFailure {
  return new AppFailure('INVALID_INPUT', `${what}，台账无法保存这样的内容；本次修改未保存，台账保持原样。请改正后重试。`)
}

/** The record and, when it is a value, the field storage cannot hold: 问题编号 …的记录「备注」有 33,000 字，超过…. */
function refuseRecord(r: LedgerRecord, error: Error): never {
  const which = `${r.problemNo ? `问题编号 ${r.problemNo} ` : '新增'}的记录`
  const field = Object.entries(r.fields ?? {}).find(([, v]) => unstorableValue(v) !== null)
  if (field) throw refusal(`${which}「${fieldLabel(field[0])}」${unstorableValue(field[1])}`)
  if (!RecordIdSchema.safeParse(r.id).success) {
    throw refusal(`${which}内部编号长 ${String(r.id).length} 字，须为 1 至 ${STORAGE_LIMITS.recordId} 字`)
  }
  throw refusal(`${which}（${schemaProblem(error)}）`)
}

function refuseHistory(h: HistoryEntry, error: Error): never {
  const value = [h.from, h.to].find((v) => v !== undefined && unstorableValue(v) !== null)
  const field = h.field ? `「${fieldLabel(h.field)}」` : ''
  throw refusal(`修改记录${field}${value !== undefined ? unstorableValue(value) : `（${schemaProblem(error)}）`}`)
}
