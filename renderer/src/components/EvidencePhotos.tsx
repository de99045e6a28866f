/**
 * Photos of evidence, wherever they are shown (a unit's 办理 panel, the office's 佐证材料 tab): thumbnails read once
 * each, and a viewer over the page that closes with a click or Esc.
 */
import { useEffect, useRef, useState } from 'react'
import type { AttachmentType } from '@shared/evidence/attachments'
import { ATTACHMENT_TYPES, isImage } from '@shared/evidence/attachments'
import type { Result } from '@shared/ipc/result'

/** Data URLs of the images among `items`, by sha256; each file is read once (it may be filed under several slots). */
export function useThumbnails(items: readonly { sha256: string; type: AttachmentType }[], read: (sha256: string) => Promise<Result<{ data: string }>>): Record<string, string> {
  const [thumbs, setThumbs] = useState<Record<string, string>>({})
  const asked = useRef(new Set<string>())
  useEffect(() => {
    for (const a of items) {
      if (!isImage(a.type) || asked.current.has(a.sha256)) continue
      asked.current.add(a.sha256)
      const mime = ATTACHMENT_TYPES[a.type].mime
      void read(a.sha256).then((r) => {
        if (r.ok) setThumbs((t) => ({ ...t, [a.sha256]: `data:${mime};base64,${r.value.data}` }))
      })
    }
  }, [items, read])
  return thumbs
}

export function PhotoViewer(props: { src: string | undefined; name: string; caption: string; onClose: () => void }): React.JSX.Element {
  const { onClose } = props
  useEffect(() => {
    const close = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', close)
    return () => window.removeEventListener('keydown', close)
  }, [onClose])
  return (
    <div className="evidence-viewer" role="dialog" aria-label="查看照片" onClick={onClose}>
      <img src={props.src} alt={props.name} />
      <p>{props.caption}（点击任意处关闭）</p>
    </div>
  )
}
