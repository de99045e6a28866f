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
        {files.map((f) => (
          <FileNotes key={`${f.file}:${f.sha256}`} file={f} />
        ))}
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

const SHOWN_NOTES = 5

/** What concerns a file as a whole: a 报送包's evidence, and the findings not about a row (a changed photo, a refusal). */
function FileNotes({ file }: { file: OfficeStage['files'][number] }): React.JSX.Element | null {
  const notes = file.issues.filter((i) => i.row === null)
  if (!file.evidence && notes.length === 0) return null
  return (
    <div className="file-notes">
      <h4>{file.file}</h4>
      {file.evidence && (
        <p>
          报送包随附佐证材料 {file.evidence.files} 份{file.evidence.mismatched ? `，其中 ${file.evidence.mismatched} 份与清单校验值不符，不予采信` : '，均与清单校验值相符'}。
        </p>
      )}
      {notes.slice(0, SHOWN_NOTES).map((i, n) => (
        <p key={n} className={i.severity === 'error' ? 'count-error' : ''}>
          {i.message}
        </p>
      ))}
      {notes.length > SHOWN_NOTES && <p className="muted">另有 {notes.length - SHOWN_NOTES} 条。</p>}
    </div>
  )
}
