/** The tabs of a unit's ledger: each official form over the same records, plus the 回头看台账 of 2023 items. */
import { annex2 } from '@shared/annexes/annex2'
import { annex3 } from '@shared/annexes/annex3'
import { annex4 } from '@shared/annexes/annex4'
import { eco } from '@shared/annexes/eco'
import { huikan } from '@shared/annexes/huikan'
import { illegal } from '@shared/annexes/illegal'
import { tlc } from '@shared/annexes/tlc'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { RecordFields } from '@shared/ledger/record'

export interface LedgerTab {
  id: string
  label: string
  annex: AnnexDefinition<RecordFields>
  /** Records are born here (摸底 or 回头看); the other forms list records that already exist. */
  createsRecords: boolean
}

export const LEDGER_TABS: readonly LedgerTab[] = [
  { id: 'annex2', label: '摸底台账（附件2）', annex: annex2, createsRecords: true },
  { id: 'annex3', label: '清理整顿（附件3）', annex: annex3, createsRecords: false },
  { id: 'annex4', label: '整治提升（附件4）', annex: annex4, createsRecords: false },
  { id: 'tlc', label: '两断三清', annex: tlc, createsRecords: false },
  { id: 'illegal', label: '违法问题查处清单', annex: illegal, createsRecords: false },
  { id: 'eco', label: '生态环境问题整改清单', annex: eco, createsRecords: false },
  { id: 'huikan', label: '回头看台账（2023年销号）', annex: huikan, createsRecords: true }
]
