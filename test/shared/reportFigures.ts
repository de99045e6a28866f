/** Report figures shared by the tests of the Friday report, its 附表 row and the drafts. */
import type { WeekFigures } from '@shared/reports/weekly'

/** A week in which something of every kind happened, so each figure has its own number in the text. */
export const week: WeekFigures = {
  friday: '2024-06-14',
  from: '2024-06-08',
  records: 12,
  newFinds: 3,
  doneThisWeek: { 关停取缔: 1, 整合搬迁: 0, 升级改造: 2 },
  doneToDate: { 关停取缔: 4, 整合搬迁: 1, 升级改造: 2 },
  doneRate: 58.333,
  tlcThisWeek: 1,
  tlcToDate: 5,
  casesThisWeek: 2,
  casesToDate: 6,
  finesThisWeek: 0.5,
  finesToDate: 3.25,
  huikanChecked: 9,
  huikanRebounds: 0,
  overdue: 0
}
