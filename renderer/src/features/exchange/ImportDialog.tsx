/** 导入预览: what importing a spreadsheet will do, every issue with its cell, and the user's confirmation. */
import { useState } from 'react'
import { cnDate } from '@shared/domain/dates'
import type { ImportPreview } from '@shared/ipc/contract'
import { valueToText } from '@shared/validation/cellInput'
import { IssueSection } from '../../components/IssueSection'
import { ColumnAssignment } from './ColumnAssignment'

const ROWS_SHOWN = 200
const STATUS = { new: '新增', changed: '修改', unchanged: '无变化' } as const

export function ImportDialog(props: {
  preview: ImportPreview
  /** The fields of the form the file is read as, for 列的对应. */
  fields: readonly { key: string; header: string }[]
  busy: boolean
  onConfirm: (acceptOtherUnit: boolean) => void
  /** Reads the file again with the clerk's column assignments. */
  onRemap: (mapping: Record<string, string | null>) => void
  onCancel: () => void
}): React.JSX.Element {
  const p = props.preview
  const [acceptOther, setAcceptOther] = useState(false)
  const c = p.counts
  // A required field left blank is 待补充 (the grid's 未填完), listed apart from wrong values.
  const errors = p.issues.filter((i) => i.severity === 'error' && i.code !== 'REQUIRED_EMPTY')
  const incomplete = p.issues.filter((i) => i.severity === 'error' && i.code === 'REQUIRED_EMPTY')
  const warnings = p.issues.filter((i) => i.severity === 'warning')
  const nothingToDo = c.new + c.changed === 0
  return (
    <div className="dialog-backdrop">
      <div className="dialog import-preview" role="dialog" aria-modal="true" aria-label="导入预览">
        <h2>导入预览：{p.file}</h2>
        {p.refused ? (
          <p className="form-error">文件无法导入，台账没有任何改动。请在“列的对应”中指定各列，或按下列说明修改文件后重新导入。</p>
        ) : (
          <>
            <p className="facts">
              工作表：{p.sheet}　填报单位：{p.unit ?? '未写明'}
              {p.filledDate ? `　填报日期：${cnDate(p.filledDate)}` : ''}
              {p.ownExport && `　本程序导出的文件（校验码 ${p.ownExport.checkCode}）`}
            </p>
            <p className="chips" aria-label="导入结果">
              <span className="chip new">新增 {c.new}</span>
              <span className="chip changed">修改 {c.changed}</span>
              <span className="chip">无变化 {c.unchanged}</span>
              {c.withErrors > 0 && <span className="chip error">有错误 {c.withErrors} 行（导入后在台账中标出，请改正）</span>}
              {c.incomplete > 0 && <span className="chip">待补充 {c.incomplete} 行（缺少必填项，导入后在台账中列为未填完）</span>}
              {c.notInFile > 0 && <span className="chip">台账中另有 {c.notInFile} 条不在文件中，不会删除</span>}
            </p>
            <div className="preview-table">
              <table className="plain">
                <thead>
                  <tr>
                    <th>行</th>
                    <th>结果</th>
                    <th>问题编号</th>
                    <th>企业（场所）名称</th>
                    <th>修改内容</th>
                    <th>问题</th>
                  </tr>
                </thead>
                <tbody>
                  {p.rows.slice(0, ROWS_SHOWN).map((r) => (
                    <tr key={r.rowNumber} className={r.status}>
                      <td>{r.rowNumber}</td>
                      <td>{STATUS[r.status]}</td>
                      <td>{r.problemNo ?? ''}</td>
                      <td>{r.name}</td>
                      <td>
                        {r.changes.map((x) => (
                          <div key={x.field}>
                            {x.header}：{valueToText(x.from) || '（空）'} → {valueToText(x.to) || '（空）'}
                          </div>
                        ))}
                      </td>
                      <td>
                        {r.errors > 0 && <span className="count-error">错误 {r.errors}</span>}
                        {r.blank > 0 && <span className="count-blank">待补充 {r.blank}</span>}
                        {r.warnings > 0 && <span className="count-warning">提示 {r.warnings}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {p.rows.length > ROWS_SHOWN && <p className="more">只列出前 {ROWS_SHOWN} 行，共 {p.rows.length} 行。</p>}
            </div>
          </>
        )}
        <ColumnAssignment
          key={p.stageId}
          columns={p.columns}
          fields={props.fields}
          remembered={p.remembered}
          open={p.refused || p.remembered || p.columns.some((c) => !c.ignored && c.key === null)}
          busy={props.busy}
          onApply={props.onRemap}
        />
        <IssueSection title="错误" level="error" issues={errors} open />
        <IssueSection title="待补充（必填项为空）" level="warning" issues={incomplete} open={false} />
        <IssueSection title="提示" level="warning" issues={warnings} open={p.refused} />
        {p.otherUnit && !p.refused && (
          <label className="confirm-other">
            <input type="checkbox" checked={acceptOther} onChange={(e) => setAcceptOther(e.target.checked)} />
            文件的填报单位是“{p.unit}”，不是本单位。我确认要把它导入本单位的台账。
          </label>
        )}
        <div className="actions">
          {!p.refused && (
            <button
              type="button"
              className="primary"
              disabled={props.busy || nothingToDo || (p.otherUnit && !acceptOther)}
              onClick={() => props.onConfirm(acceptOther)}
            >
              {props.busy ? '导入中…' : nothingToDo ? '没有需要导入的修改' : `确认导入（新增 ${c.new}，修改 ${c.changed}）`}
            </button>
          )}
          <button type="button" onClick={props.onCancel} disabled={props.busy}>
            {p.refused ? '关闭' : '取消'}
          </button>
        </div>
      </div>
    </div>
  )
}
