/**
 * The 举报受理登记 register of this data folder (`<dataDir>/complaints.json`): the office's, or a unit's — the reports it
 * registered and those sent to it. Durable like the ledger, one writer; every write checked whole by the schema.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { Complaint } from '@shared/complaints/register'
import { ComplaintSchema } from '@shared/complaints/register'
import type { Notice } from '@shared/ipc/contract'
import { DurableJsonFile } from './durableJsonFile'
import type { FileLock, LockOptions } from './fileLock'
import { openLocked } from './fileLock'
import { Serial } from './serial'

const NAME = 'complaints.json'
/** A city's campaign takes hundreds of reports in a year; the cap keeps a crafted file from filling the memory. */
const RegisterSchema = z.object({ complaints: z.array(ComplaintSchema).max(20_000) })
type Register = z.infer<typeof RegisterSchema>

export class ComplaintStore {
  private readonly serial = new Serial()

  private constructor(
    private readonly file: DurableJsonFile<Register>,
    private data: Register,
    private readonly lock: FileLock
  ) {}

  static async open(dataDir: string, opt: LockOptions & { appVersion: string; now?: () => Date; readOnly?: boolean }): Promise<ComplaintStore> {
    if (!opt.readOnly) await mkdir(dataDir, { recursive: true })
    return openLocked(dataDir, NAME, async (lock) => {
      const file = new DurableJsonFile<Register>(join(dataDir, NAME), {
        format: 'slw-complaints-register',
        schemaVersion: 1,
        appVersion: opt.appVersion,
        migrations: [],
        label: '举报受理登记文件',
        now: opt.now,
        readOnly: opt.readOnly,
        validate: (p) => RegisterSchema.parse(p)
      })
      return new ComplaintStore(file, (await file.read()) ?? { complaints: [] }, lock)
    }, opt)
  }

  get notices(): Notice[] {
    return this.file.notices
  }

  get complaints(): readonly Complaint[] {
    return this.data.complaints
  }

  /** Replaces the register with what `change` makes of it, checked whole before it is written. */
  replace<T>(change: (list: readonly Complaint[]) => { list: Complaint[]; value: T }): Promise<T> {
    return this.serial.run(async () => {
      const { list, value } = change(this.data.complaints)
      const next = RegisterSchema.parse({ complaints: list })
      await this.file.write(next)
      this.data = next
      return value
    })
  }

  close(): Promise<void> {
    return this.serial.run(() => this.lock.release())
  }
}
