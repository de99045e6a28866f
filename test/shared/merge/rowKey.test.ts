import { describe, expect, it } from 'vitest'
import type { RecordFields } from '@shared/ledger/record'
import { rowKey } from '@shared/merge/rowKey'

describe('a row\'s enterprise key', () => {
  it('is the code when there is one, else name and address, else none', () => {
    expect(rowKey({ uscc: '91622901MA7B8HHWGC', name: '甲', address: '乙' })).toBe('uscc:91622901MA7B8HHWGC')
    expect(rowKey({ uscc: '无', name: '嘉禾建材', address: '王坪村256号' })).toBe('name:嘉禾建材|王坪村256号')
    expect(rowKey({ uscc: '无', name: '', address: '' })).toBeNull()
  })
  it('is worked out once per row: submissions never change, so a later edit of the same object is not seen', () => {
    const fields: RecordFields = { uscc: '91622901MA7B8HHWGC' }
    expect(rowKey(fields)).toBe('uscc:91622901MA7B8HHWGC')
    fields['uscc'] = '91622901MA7RD6124W'
    expect(rowKey(fields)).toBe('uscc:91622901MA7B8HHWGC')
    const none: RecordFields = {}
    expect(rowKey(none)).toBeNull()
    none['uscc'] = '91622901MA7RD6124W'
    expect(rowKey(none)).toBeNull()
  })
})
