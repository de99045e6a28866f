/** Enumerations of the annexes (../shared/domain/annexes.md §1, §2). Stored values are the canonical Chinese words. */

export const PROBLEM_TYPES = ['散', '乱', '污'] as const
export const SECTORS = ['工业', '农业', '建筑业', '服务业', '无证照'] as const
export const LICENCE_STATES = ['有', '无', '不全'] as const
export const FACILITY_STATES = ['有且正常', '有但不完善', '无', '不涉及'] as const
export const CATEGORIES = ['关停取缔', '整合搬迁', '升级改造'] as const
export const SOURCES = ['排查发现', '群众举报', '上级交办', '部门移交', '回头看发现'] as const

/** Synonyms units write for 拟整治类别 (annexes.md §2.2); `整改` alone is deliberately not one. */
export const CATEGORY_SYNONYMS: Readonly<Record<string, (typeof CATEGORIES)[number]>> = {
  关停取缔类: '关停取缔',
  取缔: '关停取缔',
  停产关闭: '关停取缔',
  限期搬迁: '整合搬迁',
  整合搬迁类: '整合搬迁',
  整治改造: '升级改造',
  整改提升: '升级改造',
  规范提升: '升级改造',
  治理改造: '升级改造',
  升级改造类: '升级改造'
}

export type ProblemType = (typeof PROBLEM_TYPES)[number]
export type Sector = (typeof SECTORS)[number]
export type Category = (typeof CATEGORIES)[number]
