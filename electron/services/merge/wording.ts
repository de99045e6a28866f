/** The Chinese words the consolidated workbook uses for statuses, decisions, keys and times. */
import { chinaDateTimeCn } from '@shared/domain/chinaTime'
import type { Decision, DecisionOutcome, DuplicateGroup, SubmissionStatus } from '@shared/merge/types'

export const STATUS_TEXT: Record<SubmissionStatus, string> = {
  accepted: '采用',
  superseded: '被新版本替代',
  'duplicate-file': '重复文件',
  rejected: '退回'
}

/** What a decision does, in words: 两单位分别统计 / 归属八坊街道 / 合并为一条，归属八坊街道 / 改用… */
export function decisionWords(d: Decision, units = 2): string {
  if (d.kind === 'keep-both') return units > 2 ? '各单位分别统计' : '两单位分别统计'
  if (d.kind === 'attribute') return `归属${d.unit}`
  if (d.kind === 'merge') return `合并为一条，归属${d.unit}`
  return `${d.unit}改用校验值为 ${shortSha(d.sha256)} 的版本`
}

/** A duplicate group's state: its decision, or 未处理. */
export const decisionText = (g: DuplicateGroup): string =>
  g.decision ? decisionWords(g.decision, g.units.length) : '未处理'

export const OUTCOME_TEXT: Record<DecisionOutcome['status'], string> = {
  applied: '已执行',
  replaced: '已被后来的决定取代',
  idle: '暂无可执行的对象'
}

/** Who decided and when: 张XX，2024年5月11日 10:30. */
export const decidedBy = (d: Decision): string => `${d.by}，${chinaDateTimeCn(d.at)}`

/** An enterprise key (uscc:… / name:name|address) as a clerk reads it: the code, or name and address. */
export const keyValue = (key: string | null, gap = '，'): string =>
  (key ?? '').replace(/^(uscc|name):/, '').replace('|', gap)

/** What made the rows one enterprise, on lines of its own: the same code, or the same name and address. */
export function keyText(group: DuplicateGroup): string {
  return `${group.keyType === 'uscc' ? '统一社会信用代码' : '名称＋地址相同'}\n${keyValue(group.key, '\n')}`
}

/** Short form of a file's SHA-256, enough to tell files apart on paper. */
export const shortSha = (sha256: string): string => sha256.slice(0, 12)
