import { useEffect, useState } from 'react'
import type { Bootstrap, LedgerView, Profile } from '@shared/ipc/contract'
import { unitById } from '@shared/campaign/campaign'
import { invoke } from './api/client'
import { useToday } from './api/today'
import { Notices } from './components/Notices'
import { LedgerPage } from './features/ledger/LedgerPage'
import { OfficePage } from './features/office/OfficePage'
import { UnitDashboardPage } from './features/dashboard/UnitDashboardPage'
import { ComplaintsPage } from './features/complaints/ComplaintsPage'
import { ContactsPage } from './features/reports/ContactsPage'
import { WeeklyPage } from './features/reports/WeeklyPage'
import { SetupPage } from './features/setup/SetupPage'
import { reportFridays } from '@shared/reports/draft'
import { windowTitle } from '@shared/ipc/dataFolder'
import type { HelpTab } from './features/help/HelpDialog'
import { HelpDialog } from './features/help/HelpDialog'
import { useMenuCommands } from './features/help/menuCommands'

type Load<T> = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; value: T }

export function App(): React.JSX.Element {
  const [boot, setBoot] = useState<Load<Bootstrap>>({ state: 'loading' })
  const [profile, setProfile] = useState<Profile | null>(null)
  const [editingProfile, setEditingProfile] = useState(false)
  const [ledger, setLedger] = useState<Load<LedgerView> | null>(null)
  const [page, setPage] = useState<'ledger' | 'dashboard' | 'weekly' | 'contacts' | 'complaints'>('ledger')
  const freshToday = useToday()
  const [help, setHelp] = useState<HelpTab | null>(null)
  /** What a menu command could not do on the page shown. */
  const [menuNote, setMenuNote] = useState<string | null>(null)
  useMenuCommands({ help: setHelp, say: setMenuNote })

  const bootstrap = (): void => {
    setBoot({ state: 'loading' })
    void invoke('app:bootstrap', {}).then((r) => {
      if (!r.ok) return setBoot({ state: 'failed', message: r.error.message })
      setBoot({ state: 'ready', value: r.value })
      setProfile(r.value.profile)
    })
  }
  useEffect(bootstrap, [])
  // The window (and the browser tab) says which data folder is open: the U盘's or this computer's.
  const dataDir = boot.state === 'ready' ? boot.value.dataDir : null
  const dataSource = boot.state === 'ready' ? boot.value.dataSource : null
  useEffect(() => {
    if (dataDir && dataSource) document.title = windowTitle(dataDir, dataSource)
  }, [dataDir, dataSource])
  /** The calendar changed (moved by the office, or taken in by a unit): the campaign again, the pages kept as they are. */
  const refreshCampaign = (): void => {
    void invoke('app:bootstrap', {}).then((r) => r.ok && setBoot({ state: 'ready', value: r.value }))
  }

  const unitId = profile?.unitId
  const openLedger = (id: string): Promise<void> =>
    invoke('ledger:open', { unitId: id }).then((r) => setLedger(r.ok ? { state: 'ready', value: r.value } : { state: 'failed', message: r.error.message }))
  useEffect(() => {
    if (!unitId || unitId === 'office') return setLedger(null)
    setLedger({ state: 'loading' })
    void openLedger(unitId)
  }, [unitId])

  if (boot.state === 'loading') return <p className="loading">正在打开……</p>
  if (boot.state === 'failed') {
    // The whole message: a held lock names its file, the program holding it and what to do, then try again here.
    return (
      <main className="app">
        <section className="setup">
          <h1>散乱污台账没能打开数据</h1>
          <Notices notices={[{ level: 'error', message: boot.message, action: { label: '重试', run: bootstrap } }]} />
        </section>
      </main>
    )
  }
  const { campaign, notices } = boot.value
  const today = freshToday ?? boot.value.today
  const helpDialog = help && <HelpDialog boot={boot.value} tab={help} onTab={setHelp} onClose={() => setHelp(null)} />

  if (!profile || editingProfile) {
    return (
      <main className="app">
        <Notices notices={notices} />
        <SetupPage
          campaign={campaign}
          initial={profile}
          onSaved={(p) => {
            setProfile(p)
            setEditingProfile(false)
          }}
          onCancel={profile ? () => setEditingProfile(false) : undefined}
        />
        {helpDialog}
      </main>
    )
  }

  const unit = unitById(campaign, profile.unitId)
  const unitName = unit?.name ?? campaign.office.shortName
  return (
    <main className="app">
      <header className="topbar">
        <span className="brand">散乱污台账</span>
        <span className="unit">{unitName}</span>
        <span className="who">
          填报人：{profile.filler}　联系电话：{profile.phone}
        </span>
        <button type="button" className="link" onClick={() => setEditingProfile(true)}>
          修改
        </button>
        {unit && (
          <nav className="pages" aria-label="功能">
            {(
              [
                ['ledger', '台账'],
                ['dashboard', '统计图表'],
                ['weekly', '每周工作进展'],
                ['contacts', '联络员'],
                ['complaints', '举报受理']
              ] as const
            ).map(([id, label]) => (
              <button key={id} type="button" className={page === id ? 'active' : ''} aria-current={page === id ? 'page' : undefined} onClick={() => setPage(id)}>
                {label}
              </button>
            ))}
          </nav>
        )}
        <span className="grow" />
        <span className="datadir" title="数据目录">
          数据目录：{boot.value.dataDir}
        </span>
        <button type="button" className="link" onClick={() => setHelp('guide')} title="使用说明、版本和数据目录">
          帮助
        </button>
      </header>
      <Notices notices={[...notices, ...(ledger?.state === 'ready' ? ledger.value.notices : [])]} />
      <Notices notices={menuNote ? [{ level: 'info', message: menuNote }] : []} onDismiss={() => setMenuNote(null)} />
      {helpDialog}
      {!unit && <OfficePage campaign={campaign} today={today} onCampaignChange={refreshCampaign} />}
      {unit && page === 'dashboard' && <UnitDashboardPage campaign={campaign} unit={unit} today={today} onCampaignChange={refreshCampaign} />}
      {unit && page === 'weekly' && <WeeklyPage unitId={unit.id} today={today} fridays={reportFridays(campaign)} />}
      {unit && page === 'contacts' && <ContactsPage unitId={unit.id} unitName={unit.name} campaign={campaign} />}
      {unit && page === 'complaints' && <ComplaintsPage unit={unit.name} onLedgerChange={() => void openLedger(unit.id)} />}
      {unit && page === 'ledger' && ledger?.state === 'loading' && <p className="loading">正在读取台账……</p>}
      {unit && page === 'ledger' && ledger?.state === 'failed' && <Notices notices={[{ level: 'error', message: ledger.message }]} />}
      {unit && ledger?.state === 'ready' && (
        // Kept mounted on the other pages: its unsaved edits and autosave live here.
        <div className={page === 'ledger' ? 'page' : 'page hidden'}>
          {ledger.value.readOnly && (
            <Notices notices={[{ level: 'warning', message: '此台账由更新版本的程序保存，本程序只能查看，不能修改。请升级程序后再编辑。' }]} />
          )}
          <LedgerPage
            key={unit.id}
            campaign={campaign}
            unit={unit}
            view={ledger.value}
            today={today}
            onViewChange={(value) => setLedger({ state: 'ready', value })}
          />
        </div>
      )}
    </main>
  )
}
