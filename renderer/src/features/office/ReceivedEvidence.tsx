/**
 * 佐证材料 at the office: the rows of the form 销号 or with evidence, what each 报送包 carried for them, and the 销号
 * rows without the proof their category needs. A row's photos are read from its package only when the row is opened,
 * so a form of hundreds of closures does not load thousands of photos.
 */
import { useCallback, useMemo, useState } from 'react'
import { ATTACHMENT_TYPES, isImage, savedName } from '@shared/evidence/attachments'
import type { ReceivedEvidence as Evidence } from '@shared/evidence/evidencePackage'
import type { EvidenceOverview, RecordEvidence } from '@shared/office/receivedEvidence'
import { invoke } from '../../api/client'
import { PhotoViewer, useThumbnails } from '../../components/EvidencePhotos'
import type { ShowNotice } from '../exchange/exportNotice'
import { saveAndTell } from '../exchange/exportNotice'

const rowKey = (r: RecordEvidence): string => `${r.sha256}:${r.row}`

export function ReceivedEvidence({ overview, onNotice }: { overview: EvidenceOverview; onNotice: ShowNotice }): React.JSX.Element {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const [shown, setShown] = useState<Evidence | null>(null)
  const closeViewer = useCallback(() => setShown(null), [])
  const opened = useMemo(() => overview.records.filter((r) => open.has(rowKey(r))), [overview, open])
  // A file is read from the package it came in; the same photo in two packages is the same bytes.
  const packageOf = useMemo(() => new Map(opened.flatMap((r) => r.evidence.map((e) => [e.sha256, r.sha256] as const))), [opened])
  const items = useMemo(() => opened.flatMap((r) => r.evidence.filter((e) => e.ok)), [opened])
  const read = useCallback((sha256: string) => invoke('office:evidenceFile', { submission: packageOf.get(sha256) as string, sha256 }), [packageOf])
  const thumbs = useThumbnails(items, read)
  const save = async (e: Evidence): Promise<void> => {
    const r = await read(e.sha256)
    if (r.ok) await saveAndTell({ fileName: savedName(e), data: r.value.data }, onNotice)
    else onNotice({ level: 'error', message: r.error.message })
  }
  const toggle = (r: RecordEvidence): void =>
    setOpen((s) => {
      const next = new Set(s)
      if (!next.delete(rowKey(r))) next.add(rowKey(r))
      return next
    })

  return (
    <section className="received-evidence">
      <p>
        已销号 {overview.closed} 条：
        <span className={overview.closedWithoutProof ? 'count-error' : ''}>报送包中缺少销号佐证 {overview.closedWithoutProof} 条</span>，
        <span className={overview.closedNotCarried ? 'pending' : ''}>仅报送表格、佐证未随附 {overview.closedNotCarried} 条</span>
        {overview.mismatched > 0 && <span className="count-error">；与清单校验值不符、不予采信的材料 {overview.mismatched} 份</span>}。
      </p>
      {overview.records.length === 0 ? (
        <p className="muted">本表尚无已销号或随附佐证材料的记录。</p>
      ) : (
        <table className="plain">
          <thead>
            <tr>
              <th>单位</th>
              <th>问题编号</th>
              <th>企业（场所）</th>
              <th>整治类别</th>
              <th>销号</th>
              <th>佐证材料</th>
              <th>销号缺少</th>
            </tr>
          </thead>
          <tbody>
            {overview.records.map((r) => (
              <RecordRow key={rowKey(r)} record={r} open={open.has(rowKey(r))} thumbs={thumbs} onToggle={() => toggle(r)} onShow={(e) => (isImage(e.type) ? setShown(e) : void save(e))} />
            ))}
          </tbody>
        </table>
      )}
      {shown && <PhotoViewer src={thumbs[shown.sha256]} name={shown.name} caption={`${shown.slot}：${shown.name}${shown.takenAt ? `，拍摄于 ${shown.takenAt}` : ''}`} onClose={closeViewer} />}
    </section>
  )
}

function RecordRow(props: { record: RecordEvidence; open: boolean; thumbs: Record<string, string>; onToggle: () => void; onShow: (e: Evidence) => void }): React.JSX.Element {
  const { record: r, thumbs } = props
  const bad = r.evidence.filter((e) => !e.ok).length
  return (
    <>
      <tr className={r.missing.length ? 'bad' : ''}>
        <td title={r.file}>{r.unit}</td>
        <td>{r.problemNo}</td>
        <td>{r.name}</td>
        <td>{r.category}</td>
        <td>{r.closed ? '已销号' : '未销号'}</td>
        <td>
          {!r.carried ? (
            '未随附'
          ) : r.evidence.length === 0 ? (
            '无'
          ) : (
            <button type="button" className="link" aria-expanded={props.open} onClick={props.onToggle}>
              {props.open ? '收起' : '查看'} {r.evidence.length} 份{bad ? `（${bad} 份校验不符）` : ''}
            </button>
          )}
        </td>
        <td>{r.missing.join('、') || (r.closed ? '齐全' : '')}</td>
      </tr>
      {props.open && (
        <tr className="evidence-row">
          <td colSpan={7}>
            <ul className="evidence-list evidence-strip" aria-label={`${r.name}的佐证材料`}>
              {r.evidence.map((e) => (
                <li key={`${e.slot}:${e.sha256}`} className={e.ok ? '' : 'bad'}>
                  {e.ok ? (
                    <button type="button" className="thumb" title={isImage(e.type) ? `查看 ${e.name}` : `另存 ${e.name}`} onClick={() => props.onShow(e)}>
                      {thumbs[e.sha256] ? <img src={thumbs[e.sha256]} alt={e.name} /> : <span className="file-kind">{isImage(e.type) ? '…' : 'PDF'}</span>}
                    </button>
                  ) : (
                    <span className="thumb file-kind">✕</span>
                  )}
                  <span className="caption">
                    <strong>{e.slot}</strong>
                    <span>{e.name}</span>
                    <span className={e.ok ? 'muted' : 'count-error'}>
                      {!e.ok ? '与清单校验值不符，不予采信' : e.takenAt ? `拍摄于 ${e.takenAt}` : isImage(e.type) ? '无拍摄时间' : ATTACHMENT_TYPES[e.type].label}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </td>
        </tr>
      )}
    </>
  )
}
