import type { Decision, SubmissionStatus } from '@shared/merge/types'
import { chinaDate } from '@shared/domain/chinaTime'
import { cnDate } from '@shared/domain/dates'

export const STATUS_LABEL: Readonly<Record<SubmissionStatus, string>> = {
  accepted: '采用',
  superseded: '已被新版本替代',
  'duplicate-file': '重复文件（已收过）',
  rejected: '退回'
}

/** A decision in words, as the report prints it. */
export function decisionText(d: Decision | null): string {
  if (!d) return '待处理'
  const who = `（${d.by}，${cnDate(chinaDate(d.at))}${d.note ? `：${d.note}` : ''}）`
  switch (d.kind) {
    case 'keep-both':
      return `两单位分别统计${who}`
    case 'attribute':
      return `归属${d.unit}${who}`
    case 'merge':
      return `合并为一条，归属${d.unit}${who}`
    case 'use-version':
      return `使用指定版本${who}`
  }
}
