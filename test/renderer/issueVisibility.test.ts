/**
 * What the page shows while the clerk types (issue 18 point 5): a row just added shows no problem of what is still
 * blank until it is left or exported, while rows from disk show everything; the lists count 未填完 apart from wrong
 * values.
 */
import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { FieldIssue } from '@shared/domain/issues'
import type { RecordFields } from '@shared/ledger/record'
import { createValidationContext, validateRecord } from '@shared/validation/validateRecord'
import { QuietRows, countKinds, countsLine, issueKind, shownWhileQuiet } from '../../renderer/src/features/ledger/issueVisibility'
import type { GridRow } from '../../renderer/src/features/ledger/ledgerModel'
import { listIssues } from '../../renderer/src/features/ledger/ProblemsPanel'

const ctx = createValidationContext(defaultCampaign, annex2, '2024-06-20')
const check = (fields: RecordFields): FieldIssue[] => validateRecord(fields, annex2, ctx)
/** A row as 新增一行 makes it for 八坊街道. */
const fresh: RecordFields = { town: '八坊街道', responsibleUnit: '八坊街道', foundDate: '2024-06-20' }

describe('issue kinds', () => {
  it('a required field left blank is 未填完, a wrong value is 错误, a 提示 stays 提示', () => {
    const fields = { ...fresh, name: '某某加工点', phone: '12345' }
    const kinds = check(fields).map((i) => [i.field, issueKind(i, fields)])
    expect(kinds).toContainEqual(['uscc', 'incomplete'])
    expect(kinds).toContainEqual(['phone', 'error'])
    expect(kinds.filter(([, k]) => k === 'error')).toEqual([['phone', 'error']])
  })

  it('无 written where a code is required is a wrong value, though its code says REQUIRED_EMPTY', () => {
    const fields = { ...fresh, name: '某某加工点', uscc: '无', license: '有' }
    const uscc = check(fields).find((i) => i.field === 'uscc') as FieldIssue
    expect(uscc.code).toBe('REQUIRED_EMPTY')
    expect(issueKind(uscc, fields)).toBe('error')
  })

  it('counts each kind apart, as the header of the list says them', () => {
    const fields = { ...fresh, phone: '12345' }
    const counts = countKinds(check(fields).map((i) => ({ kind: issueKind(i, fields) })))
    expect(counts.error).toBe(1)
    expect(counts.incomplete).toBeGreaterThanOrEqual(5)
    expect(countsLine({ error: 2, incomplete: 5, warning: 1 })).toBe('错误 2 · 未填完 5 · 提示 1')
  })

  it('the problem list puts wrong values first, then what is blank, then 提示', () => {
    const rows: GridRow[] = [
      { id: 'a', problemNo: '', fields: { ...fresh, name: '甲' } },
      { id: 'b', problemNo: '', fields: { ...fresh, name: '乙', phone: '12345' } }
    ]
    const issues = new Map(rows.map((r) => [r.id, check(r.fields)]))
    const listed = listIssues(rows, issues, (f) => f ?? '整行')
    expect(listed.items[0]).toMatchObject({ kind: 'error', rowId: 'b', rowNumber: 2, rowName: '乙', field: 'phone', columnHeader: 'phone' })
    const kinds = listed.items.map((i) => i.kind)
    expect(kinds).toEqual([...kinds].sort((x, y) => ['error', 'incomplete', 'warning'].indexOf(x) - ['error', 'incomplete', 'warning'].indexOf(y)))
    expect(listed.total).toBe([...issues.values()].flat().length)
    expect(listed.counts).toEqual(countKinds(rows.flatMap((r) => (issues.get(r.id) ?? []).map((i) => ({ kind: issueKind(i, r.fields) })))))
  })

  it('a ledger with thousands of problems counts them all and lists the first 300, wrong values first', () => {
    const rows: GridRow[] = Array.from({ length: 400 }, (_, i) => ({ id: `r${i}`, problemNo: '', fields: { ...fresh, name: `企业${i}`, phone: i === 399 ? '12345' : '' } }))
    const issues = new Map(rows.map((r) => [r.id, check(r.fields)]))
    const listed = listIssues(rows, issues, (f) => f ?? '整行')
    expect(listed.total).toBe([...issues.values()].flat().length)
    expect(listed.total).toBeGreaterThan(400)
    expect(listed.items).toHaveLength(300)
    // The one wrong value, in the last row, comes first; then the blanks of the first rows, in ledger order.
    expect(listed.items[0]).toMatchObject({ kind: 'error', rowNumber: 400, rowName: '企业399' })
    expect(listed.items[1]).toMatchObject({ kind: 'incomplete', rowNumber: 1 })
    expect(listed.items.slice(1).map((i) => i.rowNumber)).toEqual([...listed.items.slice(1).map((i) => i.rowNumber)].sort((a, b) => a - b))
  })
})

describe('quiet rows', () => {
  const rows = new Map<string, RecordFields>([
    ['old', { ...fresh }],
    ['new', { ...fresh }]
  ])
  const issues = new Map([...rows].map(([id, f]) => [id, check(f)]))

  it('a row just added shows nothing of what is blank; a row from disk shows everything', () => {
    const quiet = new QuietRows()
    quiet.add('new')
    const shown = quiet.shown(issues, (id) => rows.get(id))
    expect(shown.get('new')).toEqual([])
    expect(shown.get('old')).toEqual(issues.get('old'))
    expect((shown.get('old') ?? []).length).toBeGreaterThan(5)
  })

  it('while quiet, a value typed wrong shows at once; what is blank waits', () => {
    const fields = { ...fresh, phone: '12345' }
    const shown = shownWhileQuiet(check(fields), fields)
    expect(shown.map((i) => i.field)).toEqual(['phone'])
  })

  it('shows everything once the clerk moves to another row, not while moving within it', () => {
    const quiet = new QuietRows()
    quiet.add('new')
    expect(quiet.focus('new')).toBe(false)
    expect(quiet.has('new')).toBe(true)
    expect(quiet.focus('old')).toBe(true)
    expect(quiet.shown(issues, (id) => rows.get(id)).get('new')).toEqual(issues.get('new'))
  })

  it('a second new row: the first is left when the focus goes to the second', () => {
    const quiet = new QuietRows()
    quiet.add('new')
    quiet.focus('new')
    quiet.add('newer')
    expect(quiet.focus('newer')).toBe(true)
    expect([quiet.has('new'), quiet.has('newer')]).toEqual([false, true])
  })

  it('an export shows everything', () => {
    const quiet = new QuietRows()
    quiet.add('new')
    expect(quiet.revealAll()).toBe(true)
    expect(quiet.shown(issues, (id) => rows.get(id))).toBe(issues)
    expect(quiet.revealAll()).toBe(false)
  })
})
