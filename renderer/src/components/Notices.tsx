import type { Notice } from '@shared/ipc/contract'

/** A message on a page, with at most one thing to do about it (e.g. 重试). */
export interface PageNotice extends Notice {
  action?: { label: string; run: () => void }
}

/** Messages the user must read (recovered files, read-only ledgers, what an action did). */
export function Notices(props: { notices: readonly PageNotice[]; onDismiss?: () => void }): React.JSX.Element | null {
  if (props.notices.length === 0) return null
  return (
    <div className="notices">
      {props.notices.map((n, i) => (
        <div key={i} className={`notice ${n.level}`} role={n.level === 'info' ? 'status' : 'alert'}>
          <span>{n.message}</span>
          {n.action && (
            <button type="button" onClick={n.action.run}>
              {n.action.label}
            </button>
          )}
          {props.onDismiss && (
            <button type="button" className="link" onClick={props.onDismiss} aria-label="关闭提示">
              关闭
            </button>
          )}
        </div>
      ))}
    </div>
  )
}
