import type { VersionDiff } from '@shared/merge/types'
import { cnFilledDate } from '@shared/domain/dates'
import { diffCounts } from '@shared/merge/versionDiff'

/** A longer list of changed rows starts folded, so the buttons below stay in reach. */
const OPEN_UP_TO = 10

/** What a newer version of a unit's file changes against the one it replaces. */
export function VersionDiffs({ diffs }: { diffs: readonly VersionDiff[] }): React.JSX.Element | null {
  if (diffs.length === 0) return null
  return (
    <section className="version-diffs">
      {diffs.map((d) => {
        const total = d.added.length + d.removed.length + d.changed.length
        return (
          <div key={`${d.from.sha256}>${d.to.sha256}`} className="version-diff">
            <h3>
              {d.unit}：{d.to.file}（{cnFilledDate(d.to.filledDate)}）替代 {d.from.file}（{cnFilledDate(d.from.filledDate)}）
            </h3>
            {total === 0 ? (
              <p>内容没有变化</p>
            ) : (
              <details open={total <= OPEN_UP_TO}>
                <summary>{diffCounts(d)}</summary>
                <ul>
                  {d.added.map((a) => (
                    <li key={`a${a.row}`}>新增 第{a.row}行 {a.name}</li>
                  ))}
                  {d.removed.map((r) => (
                    <li key={`r${r.row}`}>删除 原第{r.row}行 {r.name}</li>
                  ))}
                  {d.changed.map((c) => (
                    <li key={`c${c.rowTo}`}>
                      修改 第{c.rowTo}行 {c.name}：{c.fields.join('、')}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        )
      })}
    </section>
  )
}
