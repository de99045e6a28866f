import { contacts } from '@shared/annexes/contacts'
import type { LedgerRecord } from '@shared/ledger/record'
import type { DataDir } from './storage/ledgerStore'

/**
 * The rows a unit's form prints: the ledger's records (the form keeps those it lists), or for the contact list the
 * unit's one row of 分管领导 and 联络员.
 */
export async function formRecords(dataDir: DataDir, annexId: string, unitId: string): Promise<LedgerRecord[]> {
  if (annexId !== contacts.id) return (await dataDir.ledger(unitId)).view().records
  const fields = (await dataDir.unitDocuments(unitId)).contacts
  return fields ? [{ id: `contacts-${unitId}`, problemNo: '', createdAt: '', updatedAt: '', fields }] : []
}
