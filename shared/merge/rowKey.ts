import { enterpriseKey } from '../ledger/identity'
import type { RecordFields } from '../ledger/record'

/** Submissions are immutable, so a row's key is worked out once, however often a merge and its diffs ask for it. */
const keys = new WeakMap<RecordFields, string | null>()

export function rowKey(fields: RecordFields): string | null {
  let key = keys.get(fields)
  if (key === undefined) {
    key = enterpriseKey(fields)
    keys.set(fields, key)
  }
  return key
}
