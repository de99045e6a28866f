/** 接收预览: how each dropped file will be classed (采用 / 替代旧版本 / 重复 / 退回) before it is taken in. */
import type { OfficeStage } from '@shared/ipc/contract'
import { SubmissionsTable } from './SubmissionsTable'
import { VersionDiffs } from './VersionDiffs'

export function StageDialog(props: {
  stage: OfficeStage
  /** What was picked or dropped but not read, a line each. */
  leftOut: readonly string[]
  busy: boolean
  onConfirm: () => void
  onCancel: () => void
}): React.JSX.Element {
  const { files, versionDiffs } = props.stage
  const taken = files.filter((f) => f.status === 'accepted').length
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-label="接收预览">
        <h2>接收预览：{files.length} 个文件</h2>
        {props.leftOut.map((line) => (
          <p key={line} className="left-out">
            {line}
          </p>
        ))}
        <div className="preview-table">
          <SubmissionsTable rows={files} />
        </div>
        <VersionDiffs diffs={versionDiffs} />
        <div className="actions">
          <button type="button" className="primary" disabled={props.busy} onClick={props.onConfirm}>
            {props.busy ? '接收中…' : `确认接收（${taken} 个采用）`}
          </button>
          <button type="button" onClick={props.onCancel} disabled={props.busy}>
            取消
          </button>
        </div>
      </div>
    </div>
  )
}
