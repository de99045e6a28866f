import { chinaClock } from '@shared/domain/chinaTime'
import type { SaveState } from './autosave'

/** 已保存 / 保存中 / 保存失败, always visible in the toolbar. */
export function SaveStatus(props: { state: SaveState; readOnly: boolean; onRetry: () => void }): React.JSX.Element {
  if (props.readOnly) return <span className="save-status read-only" role="status">只读，不能保存</span>
  const s = props.state
  switch (s.kind) {
    case 'saved':
      return (
        <span className="save-status saved" role="status">
          已保存{s.at ? `（${chinaClock(s.at)}）` : ''}
        </span>
      )
    case 'pending':
      return <span className="save-status pending" role="status">有修改，即将保存</span>
    case 'saving':
      return <span className="save-status saving" role="status">保存中…</span>
    case 'error':
      return (
        <span className="save-status failed" role="alert" title={s.message}>
          保存失败：{s.message}
          {s.retrying ? '（将自动重试）' : ''}
          <button type="button" className="link" onClick={props.onRetry}>
            立即重试
          </button>
        </span>
      )
  }
}
