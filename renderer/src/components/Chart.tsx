/** An ECharts chart (canvas; nothing evaluated, so the CSP stays strict), resized with its box. */
import { useEffect, useRef } from 'react'
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components'
import type { EChartsCoreOption } from 'echarts/core'
import { init, use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer])

const FONT = { fontFamily: 'Noto Sans CJK SC, Microsoft YaHei, sans-serif' }

/** `title` is drawn above the chart in the app's chart style; `label` names it for screen readers and tests. */
export function Chart(props: { option: EChartsCoreOption; title: string; label: string; height?: number }): React.JSX.Element {
  const { option, title, label, height = 260 } = props
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!box.current) return
    const chart = init(box.current, undefined, { renderer: 'canvas' })
    const heading = { text: title, left: 'center', textStyle: { fontSize: 14 } }
    chart.setOption({ textStyle: FONT, animation: false, title: heading, ...option })
    const resize = new ResizeObserver(() => chart.resize())
    resize.observe(box.current)
    return () => {
      resize.disconnect()
      chart.dispose()
    }
  }, [option, title])
  return <div ref={box} className="chart" role="img" aria-label={label} style={{ height }} />
}
