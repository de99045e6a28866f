import { monthDay } from '@shared/domain/dates'

/** The report week of a Friday report, numbered as the 期 of the campaign: 第3期 5月24日. */
export function FridaySelect(props: { fridays: readonly string[]; value: string; onChange: (friday: string) => void }): React.JSX.Element {
  return (
    <label>
      报告周（周五）：
      <select aria-label="报告周" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.fridays.map((d, i) => (
          <option key={d} value={d}>
            第{i + 1}期 {monthDay(d)}
          </option>
        ))}
      </select>
    </label>
  )
}
