/** The campaign's calendar in force on this computer: `<dataDir>/calendar.json` (the office's changes, or the last file a unit took in). */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Calendar } from '@shared/campaign/calendar'
import type { Campaign } from '@shared/campaign/campaign'
import { CalendarSchema, emptyCalendar } from '@shared/campaign/calendar'
import { DurableJsonFile } from './durableJsonFile'
import type { FileLock, LockOptions } from './fileLock'
import { openLocked } from './fileLock'
import { Serial } from './serial'

const CALENDAR_NAME = 'calendar.json'

export class CalendarStore {
  private readonly serial = new Serial()

  private constructor(
    private readonly file: DurableJsonFile<Calendar>,
    private data: Calendar,
    private readonly lock: FileLock
  ) {}

  static async open(dataDir: string, opt: LockOptions & { appVersion: string; campaign: Campaign; now?: () => Date; readOnly?: boolean }): Promise<CalendarStore> {
    if (!opt.readOnly) await mkdir(dataDir, { recursive: true })
    return openLocked(dataDir, CALENDAR_NAME, async (lock) => {
      const file = new DurableJsonFile<Calendar>(join(dataDir, CALENDAR_NAME), {
        format: 'slw-calendar',
        schemaVersion: 1,
        appVersion: opt.appVersion,
        migrations: [],
        label: '工作日程文件',
        now: opt.now,
        readOnly: opt.readOnly,
        validate: (p) => CalendarSchema.parse(p)
      })
      return new CalendarStore(file, (await file.read()) ?? emptyCalendar(opt.campaign), lock)
    }, opt)
  }

  get(): Calendar {
    return this.data
  }

  /** Replaces the calendar with what `accept` makes of the one in force; null (nothing written) when it declines. */
  replace(accept: (current: Calendar) => Calendar | null): Promise<Calendar | null> {
    return this.serial.run(async () => {
      const next = accept(this.data)
      if (next === null) return null
      const checked = CalendarSchema.parse(next)
      await this.file.write(checked)
      this.data = checked
      return checked
    })
  }

  close(): Promise<void> {
    return this.serial.run(() => this.lock.release())
  }
}
