/**
 * A unit's own documents besides the ledger: the narrative of each Friday report and the 分管领导/联络员 contacts,
 * in `units/<unitId>/documents.json` (durable like the ledger, one writer).
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { RecordFieldsSchema } from '@shared/ledger/record'
import type { Notice } from '@shared/ipc/contract'
import type { DraftBasis } from '@shared/reports/redraft'
import type { WeeklyText } from '@shared/reports/weekly'
import { WeeklyTextSchema } from '@shared/reports/weekly'
import { DurableJsonFile } from './durableJsonFile'
import type { FileLock, LockOptions } from './fileLock'
import { openLocked } from './fileLock'
import { Serial } from './serial'

const NAME = 'documents.json'


const DocumentsSchema = z.object({
  weekly: z.record(
    z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    // basis: the draft the text was written from (reports/redraft.ts); absent on texts saved before it was kept.
    WeeklyTextSchema.extend({ savedAt: z.string(), by: z.string(), basis: WeeklyTextSchema.pick({ overview: true, thisWeek: true, problems: true, nextWeek: true }).optional() })
  ),
  contacts: RecordFieldsSchema.nullable()
})
type Documents = z.infer<typeof DocumentsSchema>

export class DocumentsStore {
  private readonly serial = new Serial()

  private constructor(
    private readonly file: DurableJsonFile<Documents>,
    private data: Documents,
    private readonly lock: FileLock,
    private readonly now: () => Date
  ) {}

  static async open(dataDir: string, unitId: string, opt: LockOptions & { appVersion: string; now?: () => Date }): Promise<DocumentsStore> {
    const dir = join(dataDir, 'units', unitId)
    if (!opt.readOnly) await mkdir(dir, { recursive: true })
    return openLocked(dir, NAME, async (lock) => {
      const file = new DurableJsonFile<Documents>(join(dir, NAME), {
        format: 'slw-unit-documents',
        schemaVersion: 1,
        appVersion: opt.appVersion,
        migrations: [],
        label: '报告和联络员文件',
        now: opt.now,
        readOnly: opt.readOnly,
        validate: (p) => DocumentsSchema.parse(p)
      })
      return new DocumentsStore(file, (await file.read()) ?? { weekly: {}, contacts: null }, lock, opt.now ?? (() => new Date()))
    }, opt)
  }

  get notices(): Notice[] {
    return this.file.notices
  }

  weekly(friday: string): (WeeklyText & { savedAt: string; by: string; basis?: DraftBasis | undefined }) | null {
    return this.data.weekly[friday] ?? null
  }

  get contacts(): Documents['contacts'] {
    return this.data.contacts
  }

  /** Keeps the text with the draft it was written from (`basis`), so later figures can redraft it (redraft.ts). */
  saveWeekly(friday: string, text: WeeklyText, by: string, basis: DraftBasis): Promise<void> {
    return this.save((d) => ({ ...d, weekly: { ...d.weekly, [friday]: { ...text, basis, savedAt: this.now().toISOString(), by } } }))
  }

  saveContacts(fields: Documents['contacts']): Promise<void> {
    return this.save((d) => ({ ...d, contacts: fields }))
  }

  close(): Promise<void> {
    return this.serial.run(() => this.lock.release())
  }

  private save(change: (d: Documents) => Documents): Promise<void> {
    return this.serial.run(async () => {
      const next = change(this.data)
      await this.file.write(next)
      this.data = next
    })
  }
}
