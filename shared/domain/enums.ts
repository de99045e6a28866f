/** Enumerations of the annexes (../shared/domain/annexes.md §1, §2). Stored values are the canonical Chinese words. */

export const PROBLEM_TYPES = ['散', '乱', '污'] as const
export const SECTORS = ['工业', '农业', '建筑业', '服务业', '无证照'] as const
export const LICENCE_STATES = ['有', '无', '不全'] as const
export const FACILITY_STATES = ['有且正常', '有但不完善', '无', '不涉及'] as const
export const CATEGORIES = ['关停取缔', '整合搬迁', '升级改造'] as const
export const SOURCES = ['排查发现', '群众举报', '上级交办', '部门移交', '回头看发现'] as const

/**
 * Synonyms units write for 拟整治类别 (annexes.md §2.2); `整改` alone is deliberately not one. A Map, because it is
 * looked up with the user's text: an object would answer `toString` or `__proto__` with Object.prototype's members.
 */
export const CATEGORY_SYNONYMS: ReadonlyMap<string, Category> = new Map<string, Category>([
  ['关停取缔类', '关停取缔'],
  ['取缔', '关停取缔'],
  ['停产关闭', '关停取缔'],
  ['限期搬迁', '整合搬迁'],
  ['整合搬迁类', '整合搬迁'],
  ['整治改造', '升级改造'],
  ['整改提升', '升级改造'],
  ['规范提升', '升级改造'],
  ['治理改造', '升级改造'],
  ['升级改造类', '升级改造'],
  // The 临夏 plan's own words (annexes.md §2.2). 停产整治 is a stop pending an upgrade: the stop is a state, which the
  // clerk registers in 办理 with its 停产日期; the class is 升级改造.
  ['停产整治', '升级改造'],
  ['整治类', '升级改造'],
  ['关停', '关停取缔'],
  ['关闭取缔', '关停取缔'],
  ['依法取缔', '关停取缔'],
  // Words of the lists units receive (issue 22): 淘汰类 (落后产能) is closed; 提升改造 / 改造提升 / 规范类 fixed on site.
  ['淘汰类', '关停取缔'],
  ['提升改造', '升级改造'],
  ['改造提升', '升级改造'],
  ['规范类', '升级改造']
])

/**
 * Words of the plan that name no single 拟整治类别 (annexes.md §2.2), with the classes they can mean: 清理类 is what
 * 清理整顿 handles (关停取缔 and 整合搬迁), 关停并转 a method. The clerk must choose; they are never mapped.
 */
export const CATEGORY_AMBIGUOUS: ReadonlyMap<string, readonly Category[]> = new Map<string, readonly Category[]>([
  ['清理类', ['关停取缔', '整合搬迁']],
  ['关停并转', ['关停取缔', '整合搬迁', '升级改造']],
  // 取缔搬离: closed here, and either closed for good or moved into a park; the list does not say which.
  ['取缔搬离', ['关停取缔', '整合搬迁']]
])

/**
 * How 来源 is written where a list says 受理方式 (来电, 来信, 信访 …): every one is a report from the public, as the
 * 举报受理 register files them (群众举报). A Map, looked up with the user's text like CATEGORY_SYNONYMS.
 */
export const SOURCE_SYNONYMS: ReadonlyMap<string, (typeof SOURCES)[number]> = new Map<string, (typeof SOURCES)[number]>([
  ['来电', '群众举报'],
  ['来信', '群众举报'],
  ['来访', '群众举报'],
  ['信访', '群众举报'],
  ['举报', '群众举报'],
  ['12345', '群众举报'],
  ['12369', '群众举报']
])

export type ProblemType = (typeof PROBLEM_TYPES)[number]
export type Sector = (typeof SECTORS)[number]
export type Category = (typeof CATEGORIES)[number]

// Lifecycle of a record (annexes.md §2.3, §4.4): 摸底 → 销号, 回头看.

/** Status of a record; the order is the order of the work. */
export const STATUSES = ['已登记', '已停产', '整治中', '已完成', '已验收', '已销号'] as const
export type Status = (typeof STATUSES)[number]

export const YES_NO = ['是', '否'] as const
/** 两断三清 item states printed on 附件3. */
export const TLC_MARKS = ['√', '×', '不涉及'] as const
export const WATER_METHODS = ['拆除供水设施', '封停水表', '供水单位停供'] as const
export const POWER_METHODS = ['拆除表计', '拆除线路', '变压器停运'] as const
export const CLEAR_METHODS = ['清运', '变卖', '没收', '封存'] as const
export const EQUIPMENT_METHODS = ['拆除', '搬离', '没收', '封存'] as const
export const ACCEPT_RESULTS = ['合格', '不合格'] as const
export const OLD_SITE_STATES = ['已两断三清', '丧失恢复生产能力', '未处置'] as const
export const RECHECK_RESULTS = ['正常', '反弹'] as const
/**
 * 整治进展 as 附件3 and 附件4 print it, derived from the state (annexes.md §1.3): a stopped record says 已停产, and on
 * 附件4 an upgrade turned into a closure says 转关停取缔.
 */
export const PROGRESS = ['未启动', '已停产', '整治中', '已完成', '已验收', '已销号', '转关停取缔'] as const
export const PENALTY_KINDS = [
  '警告、通报批评',
  '罚款',
  '没收违法所得、非法财物',
  '暂扣、吊销许可证件',
  '责令停产停业、责令关闭',
  '查封扣押',
  '行政拘留',
  '移送司法'
] as const
export const EXECUTION_STATES = ['已履行', '未履行', '申请强制执行'] as const
export const ECO_CATEGORIES = ['大气', '水', '土壤', '固废', '噪声', '扬尘', '其他'] as const
/** 2023 dispositions as the 2023 ledgers name them (plan 四(一)). */
export const CATEGORIES_2023 = ['关停取缔', '停产整治', '限期搬迁'] as const
export const HUIKAN_FINDINGS = ['无问题', '关停取缔不彻底', '停产整治不规范', '限期搬迁不及时'] as const
export const HUIKAN_MEASURES = ['重新两断三清', '立案查处', '限期整改', '转关停取缔'] as const
export const RECTIFY_RESULTS = ['已整改', '整改中'] as const
