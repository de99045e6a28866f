/**
 * Which form a received workbook is. Our own export names its form in `_meta`; any other file is the registered
 * form whose header binds the most columns. The forms over enterprises share 附件2's identity columns (乡镇, 名称,
 * 代码, 地址 …), so their own headers decide (附件3: 是否先行停产, 两断三清 …; 附件4: 整治提升内容, 验收日期 …); a
 * tie goes to the form whose title is written above the header, then to the earlier form of the registry (附件2).
 */
import { annex2 } from '@shared/annexes/annex2'
import { ANNEXES, annexById } from '@shared/annexes/registry'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { ColumnMapping } from '@shared/annexes/columnMapping'
import type { RecordFields } from '@shared/ledger/record'
import { cellText } from './cellText'
import type { HeaderLayout } from './findHeader'
import { findHeader } from './findHeader'
import { readExportMeta } from './ownExport'
import type { RawWorkbook } from './rawWorkbook'

/** 附件2 when nothing matches, so the file is refused with 附件2's message, as before detection existed. */
export function detectAnnex(workbook: RawWorkbook, mapping?: ColumnMapping): AnnexDefinition<RecordFields> {
  const named = readExportMeta(workbook)?.annexId
  const own = named === undefined ? undefined : annexById(named)
  if (own) return own
  let best: { annex: AnnexDefinition<RecordFields>; score: number } = { annex: annex2, score: 0 }
  for (const annex of ANNEXES) {
    const layout = findHeader(workbook, annex, mapping)
    if (!layout) continue
    // Half a point: a title only breaks a tie between equally bound headers.
    const score = layout.bound.length + (titledAbove(layout, annex, workbook.date1904) ? 0.5 : 0)
    if (score > best.score) best = { annex, score }
  }
  return best.annex
}

const plain = (text: string): string => text.normalize('NFKC').replace(/[\s"'“”‘’]+/g, '')

/**
 * The part of a title that names the form (清理整顿情况汇总表, 整治提升情况汇总表, 工作进展情况表 …): what follows
 * “问题”, since units vary the city and campaign words before it.
 */
function titleTail(annex: AnnexDefinition<RecordFields>): string {
  const title = plain(annex.title)
  const at = title.lastIndexOf('问题')
  return at < 0 ? title : title.slice(at + 2)
}

function titledAbove(layout: HeaderLayout, annex: AnnexDefinition<RecordFields>, date1904: boolean): boolean {
  const tail = titleTail(annex)
  return layout.sheet.rows
    .slice(0, layout.headerRow)
    .some((row) => row.some((cell) => plain(cellText(cell, date1904)).includes(tail)))
}
