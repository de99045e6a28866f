/** What the progress line says: the step, and the count (of the total when it is known). */
import type { ProgressView } from '@shared/ipc/contract'

const n = (x: number): string => x.toLocaleString('zh-CN')

export function progressText(view: ProgressView): string {
  const step = view.step || '请稍候'
  if (view.total !== null) return `${step}：${n(view.done)} / ${n(view.total)} ${view.unit}`
  return view.done > 0 ? `${step}：${n(view.done)} ${view.unit}` : `${step}…`
}

/** The bar's filled share in percent; null while the total is not known (the bar then moves without a share). */
export function progressPercent(view: ProgressView): number | null {
  if (view.total === null || view.total <= 0) return null
  return Math.min(100, Math.round((view.done / view.total) * 100))
}
