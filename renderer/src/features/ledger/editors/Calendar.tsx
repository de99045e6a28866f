import { useState } from 'react'
import { chinaDate } from '@shared/domain/chinaTime'
import { addMonths, monthOf, monthWeeks } from './dateText'

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

/** Keeps the focus in the text input the calendar helps (a grid editor stops when its cell loses focus). */
const keepFocus = (e: React.MouseEvent): void => e.preventDefault()

/**
 * A month to pick a day from, a helper beside the text input (typing stays the main way). Its buttons never take the
 * focus, so the input it belongs to keeps it and Enter/Tab still work there.
 */
export function Calendar(props: { value: string | null; onPick: (iso: string) => void }): React.JSX.Element {
  const today = chinaDate(new Date())
  const [shown, setShown] = useState(() => monthOf(props.value ?? today))
  const nav = (label: string, title: string, n: number): React.JSX.Element => (
    <button type="button" tabIndex={-1} title={title} aria-label={title} onMouseDown={keepFocus} onClick={() => setShown(addMonths(shown, n))}>
      {label}
    </button>
  )
  return (
    <div className="calendar" role="dialog" aria-label="选择日期">
      <div className="calendar-head">
        {nav('«', '上一年', -12)}
        {nav('‹', '上个月', -1)}
        <span className="calendar-title">
          {shown.year}年{shown.month}月
        </span>
        {nav('›', '下个月', 1)}
        {nav('»', '下一年', 12)}
      </div>
      <table>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th key={d}>{d}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(shown).map((week, i) => (
            <tr key={i}>
              {week.map((iso, j) => (
                <td key={j}>
                  {iso && (
                    <button
                      type="button"
                      tabIndex={-1}
                      aria-label={iso}
                      aria-pressed={iso === props.value}
                      className={iso === today ? 'today' : undefined}
                      onMouseDown={keepFocus}
                      onClick={() => props.onPick(iso)}
                    >
                      {Number(iso.slice(8))}
                    </button>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="calendar-foot">
        <button type="button" tabIndex={-1} onMouseDown={keepFocus} onClick={() => props.onPick(today)}>
          今天
        </button>
      </div>
    </div>
  )
}
