import type { VersionDiff } from '@shared/merge/types'
import { cnDate } from '@shared/domain/dates'

/** What a newer version of a unit's file changes against the one it replaces. */
export function VersionDiffs({ diffs }: { diffs: readonly VersionDiff[] }): React.JSX.Element | null {
  if (diffs.length === 0) return null
  return (
    <section className="version-diffs">
      {diffs.map((d) => (
        <div key={`${d.from.sha256}>${d.to.sha256}`} className="version-diff">
          <h3>
            {d.unit}：{d.to.file}（{cnDate(d.to.filledDate)}）替代 {d.from.file}（{cnDate(d.from.filledDate)}）
          </h3>
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
            {d.added.length + d.removed.length + d.changed.length === 0 && <li>内容没有变化</li>}
          </ul>
        </div>
      ))}
    </section>
  )
}
