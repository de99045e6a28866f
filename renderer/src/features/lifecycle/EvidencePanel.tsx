/**
 * 佐证材料: the photos and PDFs behind one record, each filed under what it proves (整改前, a 两断三清 item, 验收材料…).
 * Added by 添加 (several at once), by dropping files on the section, or by pasting a copied image; shown as
 * thumbnails with the date the photo was taken; a removal can be undone at once and shows among the removed ones.
 */
import { useCallback, useEffect, useState } from 'react'
import type { Attachment, EvidenceSlot } from '@shared/evidence/attachments'
import { ATTACHMENT_TYPES, EVIDENCE_SLOTS, isImage, savedName } from '@shared/evidence/attachments'
import type { EvidenceView } from '@shared/ipc/contract'
import { tlcApplies } from '@shared/lifecycle/tlc'
import type { RecordFields } from '@shared/ledger/record'
import { fieldText } from '@shared/ledger/record'
import { invoke } from '../../api/client'
import { PhotoViewer, useThumbnails } from '../../components/EvidencePhotos'
import type { ShowNotice } from '../exchange/exportNotice'
import { saveAndTell } from '../exchange/exportNotice'
import { readPickedFile } from '../exchange/files'

type Item = EvidenceView['attachments'][number]

const NONE: Item[] = []
const ACCEPT = Object.values(ATTACHMENT_TYPES).map((t) => t.mime).join(',')

/** The slot a new file goes under unless the clerk chooses: a 2023 item's re-check, a closure's first 两断三清 item, else 整改后. */
const defaultSlot = (fields: RecordFields): EvidenceSlot =>
  fieldText(fields, 'hkCategory2023') ? '回头看' : tlcApplies(fields) ? '两断三清-断水' : '整改后'

export function EvidencePanel(props: {
  unitId: string
  recordId: string
  fields: RecordFields
  readOnly: boolean
  onNotice: ShowNotice
  /** The attachments in use, each time they change (the 销号 step needs them). */
  onInUse: (attachments: Attachment[]) => void
}): React.JSX.Element {
  const { unitId, recordId, readOnly, onNotice, onInUse } = props
  const [view, setView] = useState<EvidenceView | null>(null)
  const [slot, setSlot] = useState<EvidenceSlot>(() => defaultSlot(props.fields))
  const [busy, setBusy] = useState(false)
  const [shown, setShown] = useState<Item | null>(null)
  const [undo, setUndo] = useState<Item | null>(null)
  const closeViewer = useCallback(() => setShown(null), [])

  useEffect(() => {
    let live = true
    setView(null)
    setUndo(null)
    void invoke('evidence:list', { unitId, recordId }).then((r) => {
      if (!live) return
      if (r.ok) setView(r.value)
      else onNotice({ level: 'error', message: r.error.message })
    })
    return () => {
      live = false
    }
  }, [unitId, recordId, onNotice])

  const readFile = useCallback((sha256: string) => invoke('evidence:file', { unitId, sha256 }), [unitId])
  useEffect(() => onInUse(view?.attachments.filter((a) => !a.removed) ?? []), [view, onInUse])

  const add = async (files: readonly File[]): Promise<void> => {
    if (readOnly || files.length === 0) return
    setBusy(true)
    const refused: string[] = []
    for (const file of files) {
      const read = await readPickedFile(file)
      if (!read.ok) {
        refused.push(read.message)
        continue
      }
      const r = await invoke('evidence:add', { unitId, recordId, slot, fileName: file.name || '粘贴的图片.png', data: read.data })
      if (r.ok) setView(r.value)
      else refused.push(r.error.message)
    }
    setBusy(false)
    const added = files.length - refused.length
    if (refused.length) onNotice({ level: 'error', message: [added ? `已添加 ${added} 个文件；` : '', ...refused].join('') })
    else onNotice({ level: 'info', message: `已添加 ${added} 个文件到“${slot}”。` })
  }

  const mark = async (item: Item, what: '移除' | '恢复'): Promise<void> => {
    const r = await invoke('evidence:mark', { unitId, recordId, id: item.id, what })
    if (!r.ok) return onNotice({ level: 'error', message: r.error.message })
    setView(r.value)
    setUndo(what === '移除' ? item : null)
  }

  const save = async (item: Item): Promise<void> => {
    const r = await invoke('evidence:file', { unitId, sha256: item.sha256 })
    if (r.ok) await saveAndTell({ fileName: savedName(item), data: r.value.data }, onNotice)
    else onNotice({ level: 'error', message: r.error.message })
  }

  const inUse = view?.attachments.filter((a) => !a.removed) ?? []
  const thumbs = useThumbnails(view?.attachments ?? NONE, readFile)
  const removed = view?.attachments.filter((a) => a.removed) ?? []
  return (
    <section
      className="evidence"
      aria-label="佐证材料"
      onDragOver={(e) => {
        if (!readOnly) e.preventDefault()
      }}
      onDrop={(e) => {
        // Here a dropped file is evidence, not a spreadsheet for the page to import.
        e.preventDefault()
        e.stopPropagation()
        void add([...e.dataTransfer.files])
      }}
      onPaste={(e) => {
        const images = [...e.clipboardData.files].filter((f) => f.type.startsWith('image/'))
        if (images.length === 0) return
        e.preventDefault()
        void add(images)
      }}
    >
      <h3>佐证材料（{inUse.length}）</h3>
      {!readOnly && (
        <div className="evidence-add">
          <select aria-label="材料用途" value={slot} onChange={(e) => setSlot(e.target.value as EvidenceSlot)}>
            {EVIDENCE_SLOTS.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          <label className={`button${busy ? ' disabled' : ''}`}>
            {busy ? '正在添加…' : '添加照片或PDF…'}
            <input
              type="file"
              multiple
              accept={ACCEPT}
              hidden
              disabled={busy}
              onChange={(e) => {
                const files = [...(e.target.files ?? [])]
                e.target.value = ''
                void add(files)
              }}
            />
          </label>
        </div>
      )}
      {!readOnly && <p className="hint">可把照片拖到这里，或复制图片后在这里粘贴（Ctrl+V）；每个文件不超过20 MB。</p>}
      {undo && (
        <p className="hint" role="status">
          已移除“{undo.name}”。
          <button type="button" className="link" onClick={() => void mark(undo, '恢复')}>
            撤销
          </button>
        </p>
      )}
      <ul className="evidence-list">
        {inUse.map((a) => (
          <li key={a.id}>
            <button type="button" className="thumb" title={`查看 ${a.name}`} onClick={() => (isImage(a.type) ? setShown(a) : void save(a))}>
              {isImage(a.type) && thumbs[a.sha256] ? <img src={thumbs[a.sha256]} alt={a.name} /> : <span className="file-kind">{isImage(a.type) ? '…' : 'PDF'}</span>}
            </button>
            <span className="caption">
              <strong>{a.slot}</strong>
              <span>{a.name}</span>
              <span className="muted">{a.takenAt ? `拍摄于 ${a.takenAt}` : isImage(a.type) ? '无拍摄时间' : ATTACHMENT_TYPES[a.type].label}</span>
            </span>
            {!readOnly && (
              <button type="button" className="link" onClick={() => void mark(a, '移除')}>
                移除
              </button>
            )}
          </li>
        ))}
      </ul>
      {removed.length > 0 && (
        <details className="evidence-removed">
          <summary>已移除 {removed.length} 个（可恢复）</summary>
          <ul>
            {removed.map((a) => (
              <li key={a.id}>
                {a.slot}：{a.name}（{a.events.map((e) => `${e.by}${e.what}`).join('，')}）
                {!readOnly && (
                  <button type="button" className="link" onClick={() => void mark(a, '恢复')}>
                    恢复
                  </button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      {shown && <PhotoViewer src={thumbs[shown.sha256]} name={shown.name} caption={`${shown.slot}：${shown.name}${shown.takenAt ? `，拍摄于 ${shown.takenAt}` : ''}`} onClose={closeViewer} />}
    </section>
  )
}
