import type { WeeklyText } from '@shared/reports/weekly'

/** The four parts of a weekly report; a unit also writes the two text columns of its 附表. */
export const REPORT_PARTS: readonly [keyof WeeklyText, string][] = [
  ['overview', '一、总体工作情况（累计）'],
  ['thisWeek', '二、本周工作情况'],
  ['problems', '三、存在问题'],
  ['nextWeek', '四、下步工作']
]
export const TABLE_PARTS: readonly [keyof WeeklyText, string][] = [
  ['openItems', '附表：未完成事项及原因'],
  ['nextPlan', '附表：下周计划']
]

/**
 * Editing the drafted texts of a weekly report (the figures in them were filled in from the records). A part the
 * clerk rewrote whose figures have changed since says so above it, before anything is exported: filled in again
 * (`refilled`), or to be checked by hand (`changed`).
 */
export function NarrativeEditor(props: {
  text: WeeklyText
  parts: readonly [keyof WeeklyText, string][]
  changed: readonly string[]
  refilled: readonly string[]
  onChange: (text: WeeklyText) => void
}): React.JSX.Element {
  const labels = (keys: readonly string[]): string[] => props.parts.filter(([key]) => keys.includes(key)).map(([, label]) => label)
  const [stale, refilled] = [labels(props.changed), labels(props.refilled)]
  return (
    <div className="narrative">
      {stale.length > 0 && (
        <p className="count-warning" role="status">
          数据已变化：{stale.join('、')}是改写过的文字，其中的数字可能已过时，请按最新数据核对后再导出（未改写的部分已按最新数据重新起草）。
        </p>
      )}
      {refilled.length > 0 && (
        <p className="hint" role="status">
          数据已变化：{refilled.join('、')}保留了改写的文字，其中的数字已按最新数据重新填写，请核对后再导出。
        </p>
      )}
      {props.parts.map(([key, label]) => (
        <label key={key} className={props.changed.includes(key) ? 'stale' : ''}>
          {label}
          <textarea rows={key === 'overview' || key === 'thisWeek' ? 4 : 3} value={props.text[key]} onChange={(e) => props.onChange({ ...props.text, [key]: e.target.value })} />
        </label>
      ))}
    </div>
  )
}
