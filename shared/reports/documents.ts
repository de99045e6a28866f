/**
 * What the official documents say: a Friday progress report, a 月度工作总结 and a 督办通知, as plain data for the
 * docx writers.
 */

/** The four parts of a weekly report (annexes.md §1.8, as the 鄂州 and 某县 reports are written). */
export interface WeeklyNarrative {
  /** 一、总体工作情况（累计） */
  overview: string
  /** 二、本周工作情况 */
  thisWeek: string
  /** 三、存在问题 */
  problems: string
  /** 四、下步工作 */
  nextWeek: string
}

export interface WeeklyReportDocument {
  /** Who reports: 临夏市八坊街道办事处, or the office for the city's report. */
  issuer: string
  /**
   * 主送, on a unit's report: then it is the unit's own 报告 to the office (标题, 主送, 落款). Without it, the city's
   * 工作简报 under the red 报头.
   */
  toUnit?: string
  /** 第 N 期: the Friday's place in the campaign's weekly series. */
  issueNo: number
  /** Saturday … Friday of the report week. */
  from: string
  friday: string
  narrative: WeeklyNarrative
  /** 附表 reference line, e.g. 详细情况见附表. */
  attachment: string
  filler: string
  phone: string
  /** Date printed under the issuer (YYYY-MM-DD). */
  date: string
}

/**
 * The 月度工作总结 a unit sends with its 附件3 (plan 四(二)): 标题, 主送, an opening, 一、… sections, the 附件说明,
 * 落款 and 联系人. A first draft with the figures in, which the clerk finishes in Word.
 */
export interface MonthlySummaryDocument {
  title: string
  /** 主送: the leadership-group office. */
  toUnit: string
  opening: string
  sections: { heading: string; text: string }[]
  /** The form sent with it, by its title. */
  attachment: string
  /** 落款: the unit's full name. */
  issuer: string
  /** YYYY-MM-DD */
  date: string
  contact: { name: string; phone: string }
}

export interface NoticeItem {
  problemNo: string
  name: string
  address: string
  /** What is wrong: overdue, unresolved conflict, resurgence … */
  issue: string
}

export interface SupervisionNotice {
  /** 临市散办督〔2024〕3号 */
  number: string
  /** 关于…的督办通知 */
  title: string
  issuedAt: string
  /** Full name of the unit the notice is addressed to (主送). */
  toUnit: string
  /** Full names of the units it is copied to (抄送, in the 版记). */
  copyTo: string[]
  source: string
  items: NoticeItem[]
  requirements: string[]
  /** 办理时限 (YYYY-MM-DD) */
  deadline: string
  /** 反馈方式 */
  feedbackWay: string
  issuer: string
  contact: { name: string; phone: string }
}
