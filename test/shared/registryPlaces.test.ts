import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ANNEXES, LEDGER_FORMS, OFFICE_FORMS, OFFICE_VIEWS, RECORD_FORMS } from '@shared/annexes/registry'
import { OfficeAnnexSchema } from '@shared/ipc/contract'
import { FIXED_STREAMS, streamOf } from '@shared/office/streams'

/** Where each form appears is declared once, on its definition; these lists are computed from the registry. */
describe('the registry of forms', () => {
  it('gives the ledger its tabs, in their declared order', () => {
    expect(LEDGER_FORMS.map((a) => [a.id, a.ledgerTab?.label, a.ledgerTab?.createsRecords])).toEqual([
      ['annex2', '摸底台账（附件2）', true],
      ['annex3', '清理整顿（附件3）', false],
      ['annex4', '整治提升（附件4）', false],
      ['tlc', '两断三清', false],
      ['illegal', '违法问题查处清单', false],
      ['eco', '生态环境问题整改清单', false],
      ['huikan', '回头看台账（2023年销号）', true]
    ])
    expect(RECORD_FORMS.map((a) => a.id)).toEqual(['annex2', 'annex3', 'annex4', 'tlc', 'illegal', 'eco'])
  })

  it('gives the office its streams and the contract its views', () => {
    expect([...FIXED_STREAMS].sort()).toEqual(['annex2', 'annex3', 'annex4', 'contacts', 'huikan'])
    expect(OFFICE_FORMS.map((a) => a.id)).toEqual([...FIXED_STREAMS])
    // Issue 20, finding 3: the office had no 回头看 view at all.
    expect(OfficeAnnexSchema.options).toEqual(['annex2', 'annex3', 'annex4', 'huikan'])
    expect(OFFICE_VIEWS.map((a) => a.office.view)).toEqual(['附件2 摸底情况', '附件3 清理整顿情况', '附件4 整治提升情况', '回头看台账（2023年销号）'])
    // A form the office does not merge on its own goes with 附件2 (and is rejected there); the 附表 week by week.
    const received = { filledDate: '2024-06-14', receivedAt: '2024-06-14T08:00:00.000Z' }
    expect(streamOf({ annex: 'tlc', ...received })).toBe('annex2')
    expect(streamOf({ annex: 'huikan', ...received })).toBe('huikan')
    expect(streamOf({ annex: 'weekly', ...received })).toBe('weekly:2024-06-14')
  })

  it('is what README lists for the CLI: every form for export, the office streams for merge', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const listed = (command: string): string[] => readme.match(new RegExp(`\`${command} [^\`]*--annex ([a-z0-9|]+)`))?.[1]?.split('|') ?? []
    expect(listed('export')).toEqual(ANNEXES.map((a) => a.id))
    expect(listed('merge')).toEqual(OFFICE_FORMS.map((a) => a.id))
  })

  it('says what goes with a form: 附件3 with the 月度工作总结', () => {
    expect(ANNEXES.filter((a) => 'sentWith' in a).map((a) => a.id)).toEqual(['annex3'])
  })
})
