/**
 * The calendar in force, for every service at once, and the office's changes to it. Services hold the campaign by
 * reference (handlers, stagers, the office's reports), so the live campaign is one object whose dates are brought
 * up to the data folder's calendar before each request; nothing else of it ever changes.
 */
import { createHash } from 'node:crypto'
import type { Calendar, CalendarChange, CalendarView } from '@shared/campaign/calendar'
import { calendarDigestText, calendarTargets, changeProblem, CalendarFileSchema, withCalendar } from '@shared/campaign/calendar'
import type { Campaign } from '@shared/campaign/campaign'
import { cnDate } from '@shared/domain/dates'
import type { ExportedFile } from '@shared/ipc/contract'
import { AppFailure } from '@shared/ipc/result'
import type { DataDir } from './storage/ledgerStore'

const digest = (c: Calendar): string => createHash('sha256').update(calendarDigestText(c)).digest('hex')

export class LiveCampaign {
  /** The object every service holds. */
  readonly campaign: Campaign
  private applied = 0

  constructor(
    private readonly base: Campaign,
    private readonly dataDir: DataDir
  ) {
    this.campaign = structuredClone(base)
  }

  /** Brings the live campaign's dates to the calendar in force (cheap when nothing changed). */
  async sync(): Promise<void> {
    const calendar = (await this.dataDir.calendar()).get()
    if (calendar.version === this.applied) return
    Object.assign(this.campaign, withCalendar(this.base, calendar))
    this.applied = calendar.version
  }

  async view(): Promise<CalendarView> {
    const calendar = (await this.dataDir.calendar()).get()
    return { version: calendar.version, targets: calendarTargets(this.base, calendar), changes: calendar.changes }
  }

  /** The office moves one date, with its reason and approval: the next version of the calendar. */
  async change(change: Omit<CalendarChange, 'at' | 'by'>, by: string, at: Date): Promise<CalendarView> {
    const problem = changeProblem(this.base, change)
    if (problem) throw new AppFailure('INVALID_INPUT', problem)
    await (await this.dataDir.calendar()).replace((c) => ({ ...c, version: c.version + 1, changes: [...c.changes, { ...change, at: at.toISOString(), by }] }))
    await this.sync()
    return this.view()
  }

  /** The calendar as the file the office sends to the units. */
  async export(): Promise<ExportedFile> {
    const calendar = (await this.dataDir.calendar()).get()
    if (calendar.version === 0) throw new AppFailure('INVALID_INPUT', '工作日程尚未调整，各单位按工作方案的时间报送，无需发送日程文件。')
    const file = { format: 'slw-calendar', calendar, sha256: digest(calendar) }
    const name = `工作日程-${this.base.city.name}-第${calendar.version}版.json`
    return { fileName: name, data: Buffer.from(JSON.stringify(file, null, 2), 'utf8').toString('base64') }
  }

  /**
   * A unit takes in the office's file: whole or not at all, only for this campaign, only when its digest holds and
   * it is newer than the calendar in force. Says what moved.
   */
  async import(fileName: string, bytes: Buffer): Promise<CalendarView & { message: string }> {
    const refuse = (why: string): never => {
      throw new AppFailure('INVALID_INPUT', `“${fileName}”${why}`)
    }
    let json: unknown
    try {
      json = JSON.parse(bytes.toString('utf8'))
    } catch {
      refuse('不是工作日程文件（无法读取），请向领导小组办公室重新索取。')
    }
    const parsed = CalendarFileSchema.safeParse(json)
    if (!parsed.success) return refuse('不是工作日程文件，或文件内容不完整，请向领导小组办公室重新索取。')
    const { calendar, sha256 } = parsed.data
    if (digest(calendar) !== sha256) refuse('的校验码不符，文件在传送中被改动或损坏，请向领导小组办公室重新索取。')
    if (calendar.campaignId !== this.base.id) refuse(`属于另一项工作（${calendar.campaignId}），不是“${this.base.name}”的日程。`)
    for (const c of calendar.changes) {
      const problem = changeProblem(this.base, c)
      if (problem) refuse(`中有无法采用的调整：${problem}`)
    }
    const store = await this.dataDir.calendar()
    const before = store.get()
    // Checked inside the write: a newer calendar taken in meanwhile is never replaced by this one.
    const taken = await store.replace((current) => (calendar.version > current.version ? calendar : null))
    if (!taken) refuse(`是第${calendar.version}版，本机已采用第${store.get().version}版，无需导入。`)
    await this.sync()
    const moved = calendarTargets(this.base, calendar).filter((t) => t.date !== calendarTargets(this.base, before).find((b) => b.id === t.id)?.date)
    const said = moved.map((t) => `${t.what}改为${cnDate(t.date)}`).join('；')
    return { ...(await this.view()), message: `已采用第${calendar.version}版工作日程${said ? `：${said}` : ''}。` }
  }
}
