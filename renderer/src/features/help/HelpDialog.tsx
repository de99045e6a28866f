/**
 * 帮助: 使用说明 (a short guide, offline, with the plan's reporting dates read from the campaign in force) and 关于
 * (version, data folder and how it was chosen, log folder, and 备份数据… of the whole folder). Opened from the top
 * bar's 帮助, or the desktop menus.
 */
import { useEffect, useState } from 'react'
import { weeklyDueText } from '@shared/campaign/schedule'
import { cnDate } from '@shared/domain/dates'
import type { Bootstrap } from '@shared/ipc/contract'
import { PORTABLE_DIR_NAMES, dataSourceText } from '@shared/ipc/dataFolder'
import { invoke } from '../../api/client'
import type { PageNotice } from '../../components/Notices'
import { Notices } from '../../components/Notices'
import { tellExport } from '../exchange/exportNotice'

export type HelpTab = 'guide' | 'about'

interface Props {
  boot: Bootstrap
  tab: HelpTab
  onTab: (tab: HelpTab) => void
  onClose: () => void
}

/** The plan's reporting dates, in date order: each deadline, and the Friday reports' span. */
function reportingDates(boot: Bootstrap): { date: string; text: string }[] {
  const { deadlines, weeklyReports } = boot.campaign
  const weekly = { date: weeklyReports.from, text: `${cnDate(weeklyReports.from)}至${cnDate(weeklyReports.to)}，${weeklyDueText(boot.campaign)}` }
  return [...deadlines.map((d) => ({ date: d.date, text: `${cnDate(d.date)}前：${d.what}` })), weekly].sort((a, b) => a.date.localeCompare(b.date))
}

function Guide({ boot }: { boot: Bootstrap }): React.JSX.Element {
  const desktop = boot.mode === 'electron'
  return (
    <div className="help-guide">
      <h3>各页面的用途</h3>
      <ul>
        <li>
          <b>台账</b>：按附件2（摸底）、附件3（清理整顿）、附件4（整治提升）等表格逐条填写“散乱污”问题；可导入表格、导出报送的表格和报送包。
        </li>
        <li>
          <b>统计图表</b>：本单位的整治进度和工作日程；领导小组办公室调整了报送时间时，在此导入“工作日程文件”。
        </li>
        <li>
          <b>每周工作进展</b>：每周五报送的工作进展，程序按台账起草，修改后导出。
        </li>
        <li>
          <b>联络员</b>：分管领导和联络员的联系方式。<b>举报受理</b>：群众举报的登记、办理和结果。
        </li>
        <li>领导小组办公室：接收各单位报送的文件或报送包，查重、核对后导出汇总表，并办理督办通知和督查问责。</li>
      </ul>
      <h3>报送时间（{boot.campaign.plan}）</h3>
      <ul className="help-dates">
        {reportingDates(boot).map((d) => (
          <li key={d.text}>{d.text}</li>
        ))}
      </ul>
      <h3>导入、导出和报送包</h3>
      <ul>
        <li>导入：在“台账”页点“导入表格…”{desktop ? '（或菜单“文件 → 导入…”，Ctrl+O）' : ''}，也可以把表格文件拖到页面上；先看导入预览，确认后才写入台账，导入后可以撤销。</li>
        <li>导出：点“导出附件…”生成正式表格，打印、盖章后报送；“空白表”可发给下级填写。</li>
        <li>报送包：把当前表格连同各条记录的照片、文件打包成一个 .zip，整个拷贝报送即可。</li>
      </ul>
      <h3>备份</h3>
      <ul>
        {desktop ? (
          <>
            <li>菜单“文件 → 备份…”把全部数据存为一个 .zip 文件，建议每周备份一次，并拷到U盘或其他电脑保存。</li>
            <li>“文件 → 恢复…”用备份替换当前数据；恢复前当前数据会先另存为备份，恢复后程序自动重新启动。</li>
          </>
        ) : (
          <li>在“关于”中点“备份数据…”，把全部数据下载为一个 .zip 文件，建议每周备份一次，并拷到U盘或其他电脑保存。恢复请用桌面版的“文件 → 恢复…”或命令 slw restore。</li>
        )}
      </ul>
      <h3>U盘便携使用</h3>
      <ul>
        <li>
          把便携版程序拷到U盘，在程序所在的文件夹里新建一个名为“{PORTABLE_DIR_NAMES[0]}”的文件夹（也可以叫“{PORTABLE_DIR_NAMES[1]}”）。从U盘启动时，数据就保存在这个文件夹里，换一台电脑也能接着填；窗口标题会显示“便携版”和数据目录。
        </li>
        <li>拔出U盘前请先退出程序，以免数据没有写完。</li>
      </ul>
      <h3>遇到问题</h3>
      <p>程序出错时会写入日志，请把“关于”中日志目录里当天的日志文件发给技术支持。</p>
    </div>
  )
}

function About({ boot }: { boot: Bootstrap }): React.JSX.Element {
  const [notice, setNotice] = useState<PageNotice | null>(null)
  const [busy, setBusy] = useState(false)
  const backup = async (): Promise<void> => {
    setBusy(true)
    setNotice({ level: 'info', message: '正在备份全部数据……' })
    try {
      await tellExport(await invoke('backup:create', {}), setNotice, '建议把备份另外拷贝到U盘或其他电脑，以防本机硬盘损坏。')
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <dl className="about">
        <dt>程序</dt>
        <dd>散乱污台账（{boot.mode === 'electron' ? '桌面版' : '网页模式'}）</dd>
        <dt>版本</dt>
        <dd className="about-version">{boot.appVersion}</dd>
        <dt>数据目录</dt>
        <dd className="about-data">{boot.dataDir}</dd>
        <dt>数据目录的来源</dt>
        <dd>{dataSourceText(boot.dataSource)}</dd>
        <dt>日志目录</dt>
        <dd className="about-logs">{boot.logDir}</dd>
        <dt>工作方案</dt>
        <dd>{boot.campaign.plan}</dd>
      </dl>
      <p>
        <button type="button" onClick={() => void backup()} disabled={busy}>
          备份数据…
        </button>
        　全部数据（台账、佐证材料、收到的报送文件、设置）存为一个 .zip 文件；程序每天另在数据目录的“自动备份”中保留最近 7 天的备份。
      </p>
      <Notices notices={notice ? [notice] : []} />
    </>
  )
}

export function HelpDialog({ boot, tab, onTab, onClose }: Props): React.JSX.Element {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  const tabs: [HelpTab, string][] = [
    ['guide', '使用说明'],
    ['about', '关于']
  ]
  return (
    <div className="dialog-backdrop">
      <div className="dialog help-dialog" role="dialog" aria-modal="true" aria-label="帮助">
        <h2>帮助</h2>
        <nav className="tabs" role="tablist" aria-label="帮助">
          {tabs.map(([id, label]) => (
            <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'active' : ''} onClick={() => onTab(id)}>
              {label}
            </button>
          ))}
        </nav>
        <div className="help-body">{tab === 'guide' ? <Guide boot={boot} /> : <About boot={boot} />}</div>
        <div className="actions">
          <button type="button" onClick={onClose} autoFocus>
            关闭
          </button>
        </div>
      </div>
    </div>
  )
}
