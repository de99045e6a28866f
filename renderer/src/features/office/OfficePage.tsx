/**
 * 汇总工作台 of the leadership-group office: take in units' files (picked, a folder, or dropped), see who has not
 * reported, resolve duplicates across units, check that the figures reconcile, and export the consolidated workbook.
 */
import { useState } from 'react'
import { OFFICE_VIEWS } from '@shared/annexes/registry'
import type { Campaign } from '@shared/campaign/campaign'
import type { OfficeAnnex, OfficeStage, OfficeView } from '@shared/ipc/contract'
import { daysFrom } from '@shared/campaign/schedule'
import { reportFridays } from '@shared/reports/draft'
import { OfficeDashboardPanel } from '../dashboard/OfficeDashboardPanel'
import type { DecisionInput } from '@shared/merge/schema'
import { SUBMISSION_EXTENSIONS } from '@shared/merge/submissionFile'
import { invoke } from '../../api/client'
import { useLoaded } from '../../api/useLoaded'
import { GroupedHeader } from '../../components/GroupedHeader'
import type { PageNotice } from '../../components/Notices'
import { Notices } from '../../components/Notices'
import { Progress, useProgress } from '../../components/Progress'
import { tellExport } from '../exchange/exportNotice'
import { carriesFiles, readPickedFile } from '../exchange/files'
import { usePageMenu } from '../help/menuCommands'
import { AccountabilityPanel } from './AccountabilityPanel'
import { ComplaintsPage } from '../complaints/ComplaintsPage'
import { CrossChecks } from './CrossChecks'
import { ConflictsPanel } from './ConflictsPanel'
import { chinaDate } from '@shared/domain/chinaTime'
import { cnDate, cnFilledDate } from '@shared/domain/dates'
import { OfficeContactsPanel } from './OfficeContactsPanel'
import { OfficeHome } from './OfficeHome'
import { OfficeWeeklyPanel } from './OfficeWeeklyPanel'
import { ReceivedEvidence } from './ReceivedEvidence'
import type { Received } from './receivedFiles'
import { dropped, droppedEntries, leftOutLines, picked } from './receivedFiles'
import { StageDialog } from './StageDialog'
import { SubmissionsTable } from './SubmissionsTable'
import { SupervisionPanel } from './SupervisionPanel'
import { VersionDiffs } from './VersionDiffs'

type Tab = 'overview' | 'reporting' | 'files' | 'conflicts' | 'checks' | 'evidence' | 'summary' | 'weekly' | 'contacts' | 'supervision' | 'complaints' | 'accountability' | 'plan'
const OFFICE_ANNEXES: readonly [OfficeAnnex, string][] = OFFICE_VIEWS.map((a) => [a.id, a.office.view])

/** `today` is the working date: when it turns (a PC left on overnight) the view is read again, for fresh countdowns. */
interface Props {
  campaign: Campaign
  today: string
  /** The office moved a date: the app reads the campaign again. */
  onCampaignChange: () => void
}

export function OfficePage({ campaign, today, onCampaignChange }: Props): React.JSX.Element {
  const [tab, setTab] = useState<Tab>('overview')
  const [annex, setAnnex] = useState<OfficeAnnex>('annex2')
  const [version, setVersion] = useState(0)
  const [stage, setStage] = useState<OfficeStage | null>(null)
  /** What the files being staged left out (not spreadsheets, subfolders), said in the preview. */
  const [leftOut, setLeftOut] = useState<string[]>([])
  /** What the office is waiting for (reading files, writing the workbook): shown, and other actions wait. */
  const [working, setWorking] = useState<string | null>(null)
  const busy = working !== null
  const [message, setMessage] = useState<PageNotice | null>(null)
  const { view: progress, track } = useProgress()

  const answer = <T,>(r: { ok: true; value: T } | { ok: false; error: { message: string } }, then: (v: T) => void): void => {
    if (r.ok) then(r.value)
    else setMessage({ level: 'error', message: r.error.message })
  }

  // Who owes what by when follows the calendar: read the office's view again with it.
  const calendarChanged = (): void => {
    onCampaignChange()
    setVersion((v) => v + 1)
  }
  const [view, setView] = useLoaded(() => invoke('office:view', { annex }), [annex, version, today], (m) => setMessage({ level: 'error', message: m }))

  const receive = async (received: Received<File>): Promise<void> => {
    const { files } = received
    const notes = leftOutLines(received)
    if (files.length === 0) {
      return setMessage({ level: 'info', message: [`没有可接收的表格文件或报送包（${SUBMISSION_EXTENSIONS.join('、')}）。`, ...notes].join('') })
    }
    setWorking(`正在读取 ${files.length} 个文件，请稍候……`)
    const read = await Promise.all(files.map(readPickedFile))
    const unreadable = read.flatMap((f) => (f.ok ? [] : [f.message]))
    if (unreadable.length > 0) {
      setWorking(null)
      return setMessage({ level: 'error', message: ['本次没有接收任何文件。', ...unreadable].join('') })
    }
    const payload = read.flatMap((f, i) => (f.ok ? [{ fileName: (files[i] as File).name, data: f.data }] : []))
    const r = await track((progressId) => invoke('office:stage', { files: payload, progressId }))
    setWorking(null)
    answer(r, (s) => {
      setLeftOut(notes)
      setStage(s)
    })
  }

  const pick = (folder: boolean): void => {
    const input = document.createElement('input')
    input.type = 'file'
    input.multiple = true
    if (folder) input.webkitdirectory = true
    else input.accept = SUBMISSION_EXTENSIONS.join(',')
    input.addEventListener('change', () => void receive(picked([...(input.files ?? [])])))
    input.click()
  }

  const commit = async (): Promise<void> => {
    if (!stage) return
    setWorking(`正在接收 ${stage.files.length} 个文件……`)
    const r = await track((progressId) => invoke('office:commit', { stageId: stage.stageId, progressId }))
    setWorking(null)
    setStage(null)
    answer(r, () => {
      setVersion((n) => n + 1)
      setMessage({ level: 'info', message: `已接收 ${stage.files.length} 个文件。` })
    })
  }

  const confirm = async (check: string, note: string): Promise<void> => {
    answer(await invoke('office:confirm', { check, note, annex }), () => setVersion((n) => n + 1))
  }

  const decide = async (d: DecisionInput): Promise<void> => {
    answer(await invoke('office:decide', d), () => setVersion((n) => n + 1))
  }

  const exportWorkbook = async (): Promise<void> => {
    setWorking('正在生成汇总表，请稍候……')
    const r = await track((progressId) => invoke('office:export', { annex, progressId }))
    setWorking(null)
    await tellExport(r, setMessage)
  }

  // The desktop menus: 导入… receives files, 导出… the 汇总表 (as this page's buttons, when they are enabled).
  usePageMenu((command) => {
    if (command === 'import') {
      if (!busy && !stage) pick(false)
    } else if (command === 'export') {
      if (!busy && view && view.exportBlockers.length === 0 && view.rowCount > 0) void exportWorkbook()
      else setMessage({ level: 'info', message: view?.exportBlockers.join('') || '还没有可导出的汇总数据。' })
    } else return false
    return true
  })

  const openConflicts = view?.conflicts.filter((c) => !c.group.decision).length ?? 0
  const failing = view?.equations.filter((e) => !e.ok).length ?? 0
  const overdueNotices = view?.supervision.filter((n) => n.overdue).length ?? 0
  const tabs: [Tab, string][] = [
    ['overview', '总览'],
    ['reporting', '报送情况'],
    ['files', `收到的文件（${view?.submissions.length ?? 0}）`],
    ['conflicts', `重复与冲突（${openConflicts} 待处理）${view?.resurgence.length ? ` 疑似复燃 ${view.resurgence.length}` : ''}`],
    ['checks', checksLabel(failing + (view?.crossChecks.filter((c) => !c.ok && !c.confirmed).length ?? 0), view?.flaggedRows.length ?? 0)],
    ['evidence', evidenceLabel(view?.evidence)],
    ['summary', '汇总'],
    ['weekly', '每周进展'],
    ['contacts', '联络员名单'],
    ['supervision', `督办通知${overdueNotices ? `（${overdueNotices} 逾期）` : ''}`],
    ['complaints', '举报受理'],
    ['accountability', '督查问责'],
    ['plan', '工作方案']
  ]

  return (
    <section
      className="office-page"
      onDragOver={(e) => carriesFiles(e.dataTransfer) && e.preventDefault()}
      onDrop={(e) => {
        if (!carriesFiles(e.dataTransfer)) return
        e.preventDefault()
        if (busy) return setMessage({ level: 'info', message: '正在处理上一批文件，请稍候再拖入。' })
        const unreadable = (): void => {
          setWorking(null)
          setMessage({ level: 'error', message: '拖入的文件无法读取，请改用“接收报送文件…”或“选择文件夹…”。' })
        }
        void dropped(droppedEntries(e.dataTransfer.items)).then(receive).catch(unreadable)
      }}
    >
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => pick(false)} disabled={busy}>
          接收报送文件…
        </button>
        <button type="button" onClick={() => pick(true)} disabled={busy}>
          选择文件夹…
        </button>
        <span className="hint">也可以把文件或文件夹拖到此页</span>
        <label className="annex-pick">
          汇总表格：
          <select aria-label="汇总表格" value={annex} onChange={(e) => setAnnex(e.target.value as OfficeAnnex)}>
            {OFFICE_ANNEXES.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <span className="grow" />
        {working && (
          <span className="working" role="status">
            {working}
          </span>
        )}
        {view && (
          <span className="summary">
            汇总 {view.rowCount} 条，不重复问题 {view.distinctProblems} 个
          </span>
        )}
        <button type="button" onClick={() => void exportWorkbook()} disabled={busy || !view || view.exportBlockers.length > 0 || view.rowCount === 0} title={view?.exportBlockers.join('\n')}>
          导出汇总表
        </button>
      </div>
      <Notices notices={[...(view?.notices ?? []), ...(message ? [message] : [])]} onDismiss={() => setMessage(null)} />
      <nav className="tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'active' : ''} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </nav>
      <div className="tab-body">
        {!view && <p className="loading">正在读取……</p>}
        {view && tab === 'reporting' && <Reporting view={view} />}
        {view && tab === 'files' && <Files view={view} onRestore={(d) => void decide(d)} />}
        {view && tab === 'conflicts' && <ConflictsPanel conflicts={view.conflicts} decisions={view.decisions} resurgence={view.resurgence} onDecide={(d) => void decide(d)} />}
        {view && tab === 'checks' && <Checks view={view} onConfirm={(check, note) => void confirm(check, note)} />}
        {view && tab === 'evidence' && <ReceivedEvidence overview={view.evidence} onNotice={setMessage} />}
        {view && tab === 'summary' && <Summary view={view} />}
        {tab === 'overview' && <OfficeDashboardPanel version={version} today={today} onNotice={setMessage} onError={(m) => setMessage({ level: 'error', message: m })} />}
        {tab === 'weekly' && <OfficeWeeklyPanel fridays={reportFridays(campaign)} today={view?.today ?? ''} onNotice={setMessage} onError={(m) => setMessage({ level: 'error', message: m })} />}
        {tab === 'contacts' && <OfficeContactsPanel version={version} onNotice={setMessage} onError={(m) => setMessage({ level: 'error', message: m })} />}
        {view && tab === 'supervision' && (
          <SupervisionPanel campaign={campaign} view={view} onView={setView} onNotice={setMessage} onError={(m) => setMessage({ level: 'error', message: m })} />
        )}
        {tab === 'complaints' && <ComplaintsPage />}
        {tab === 'accountability' && <AccountabilityPanel campaign={campaign} onNotice={setMessage} onError={(m) => setMessage({ level: 'error', message: m })} />}
        {tab === 'plan' && <OfficeHome campaign={campaign} onCampaignChange={calendarChanged} onNotice={setMessage} onError={(m) => setMessage({ level: 'error', message: m })} />}
      </div>
      <Progress view={progress} />
      {stage && <StageDialog stage={stage} leftOut={leftOut} busy={busy} onConfirm={() => void commit()} onCancel={() => setStage(null)} />}
    </section>
  )
}

/**
 * Per report of the plan (deadlines, Friday reports so far), who has reported; a unit is 未报送 only once the report
 * is past due, 待报送 before. 收到 is the day the office took the file in, which lateness is judged by; 填报 the
 * unit's own date.
 */
function Reporting({ view }: { view: OfficeView }): React.JSX.Element {
  return (
    <section className="reporting">
      {view.reporting.map((r) => {
        const missing = r.units.filter((u) => !u.received)
        const daysLeft = daysFrom(view.today, r.deadline)
        const passed = daysLeft < 0
        const state = missing.length === 0 ? (
          <span className="ok">全部报送</span>
        ) : passed ? (
          <span className="count-error">未报送 {missing.length} 个单位</span>
        ) : (
          <span className="pending">
            已报送 {r.units.length - missing.length}/{r.units.length}，{daysLeft === 0 ? '今天截止' : `还有 ${daysLeft} 天截止`}
          </span>
        )
        return (
          <div key={r.id} className="deadline">
            <h3>
              {cnDate(r.deadline)}前：{r.what}
              {state}
            </h3>
            <ul className="units">
              {r.units.map(({ unit, received }) => {
                const said = received ? `${cnDate(chinaDate(received.receivedAt))}收到${received.late ? ' 逾期' : ''}` : passed ? '未报送' : '待报送'
                const kind = received ? (received.late ? 'late' : 'received') : passed ? 'missing' : 'pending'
                return (
                  <li key={unit} className={kind} title={received ? `${received.file}（填报日期：${cnFilledDate(received.filledDate)}）` : said}>
                    {unit}
                    <small>{said}</small>
                  </li>
                )
              })}
            </ul>
          </div>
        )
      })}
    </section>
  )
}

function Files({ view, onRestore }: { view: OfficeView; onRestore: (d: DecisionInput) => void }): React.JSX.Element {
  return (
    <section>
      <SubmissionsTable
        rows={view.submissions}
        action={(s) =>
          s.status === 'superseded' && s.unit && s.annex ? (
            <button type="button" className="link" onClick={() => onRestore({ kind: 'use-version', unit: s.unit as string, annex: s.annex as string, sha256: s.sha256 })}>
              恢复使用此版本
            </button>
          ) : null
        }
      />
      <VersionDiffs diffs={view.versionDiffs} />
    </section>
  )
}

function Checks({ view, onConfirm }: { view: OfficeView; onConfirm: (check: string, note: string) => void }): React.JSX.Element {
  return (
    <section>
      <FlaggedRows rows={view.flaggedRows} />
      <CrossChecks checks={view.crossChecks} onConfirm={onConfirm} />
      <p>每一项核对的两边都应相等（差异 = 0）；有不符的项时不能导出汇总表。</p>
      <table className="plain equations">
        <tbody>
          {view.equations.map((e, i) => (
            <tr key={i} className={e.ok ? 'ok' : 'bad'}>
              <td>{e.label}</td>
              <td>
                差异 = {e.left - e.right}
              </td>
              <td>{e.ok ? '相符' : '不符'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** 核对, with how many equations fail and how many rows came with errors. */
function checksLabel(failing: number, flagged: number): string {
  const said = [failing ? `${failing} 项不符` : '', flagged ? `${flagged} 条有错误` : ''].filter(Boolean)
  return said.length ? `核对（${said.join('，')}）` : '核对'
}

/** 佐证材料, with how many 销号 rows lack their proof (not in their 报送包, or no package sent). */
function evidenceLabel(e: OfficeView['evidence'] | undefined): string {
  const lacking = (e?.closedWithoutProof ?? 0) + (e?.closedNotCarried ?? 0)
  return lacking ? `佐证材料（${lacking} 条销号缺佐证）` : '佐证材料'
}

/** Rows taken in with errors: counted, shown red in the workbook, to be sent back for correction. */
function FlaggedRows({ rows }: { rows: OfficeView['flaggedRows'] }): React.JSX.Element | null {
  if (rows.length === 0) return null
  return (
    <div className="flagged-rows">
      <h3 className="count-error">有错误的记录 {rows.length} 条（已照报汇总并计入各项数字，汇总表中标红），请通知报送单位改正后重新报送</h3>
      <table className="plain">
        <thead>
          <tr>
            <th>单位</th>
            <th>文件</th>
            <th>行</th>
            <th>企业（场所）</th>
            <th>错误</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.file}:${r.row}`} className="bad">
              <td>{r.unit}</td>
              <td>{r.file}</td>
              <td>第{r.row}行</td>
              <td>{r.name}</td>
              <td>{r.errors.join('；')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function Summary({ view }: { view: OfficeView }): React.JSX.Element {
  const { headers, rows } = view.stats
  return (
    <section>
      <table className="plain stats">
        <GroupedHeader lead="单位" columns={headers} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.unit} className={r.unit === '合计' ? 'total' : ''}>
              <td>{r.unit}</td>
              {r.values.map((v, i) => (
                <td key={i}>{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
