/**
 * The column assignments a clerk confirmed, remembered by the header row they were made for
 * (`<dataDir>/importMappings.json`), so next week's file from the same sender maps itself. Durable like every store.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { Notice } from '@shared/ipc/contract'
import { DurableJsonFile } from './durableJsonFile'
import type { FileLock, LockOptions } from './fileLock'
import { openLocked } from './fileLock'
import { Serial } from './serial'

const NAME = 'importMappings.json'
const Assignment = z.record(z.string().max(200), z.string().max(40).nullable())
/** A few senders a week over a campaign; the oldest are forgotten beyond it. */
const KEPT = 200
const MappingsSchema = z.object({ bySignature: z.array(z.object({ signature: z.string().max(20_000), mapping: Assignment })).max(KEPT) })
type Mappings = z.infer<typeof MappingsSchema>
export type Assignment = z.infer<typeof Assignment>

export class MappingStore {
  private readonly serial = new Serial()

  private constructor(
    private readonly file: DurableJsonFile<Mappings>,
    private data: Mappings,
    private readonly lock: FileLock
  ) {}

  static async open(dataDir: string, opt: LockOptions & { appVersion: string; now?: () => Date; readOnly?: boolean }): Promise<MappingStore> {
    if (!opt.readOnly) await mkdir(dataDir, { recursive: true })
    return openLocked(dataDir, NAME, async (lock) => {
      const file = new DurableJsonFile<Mappings>(join(dataDir, NAME), {
        format: 'slw-import-mappings',
        schemaVersion: 1,
        appVersion: opt.appVersion,
        migrations: [],
        label: '导入列对应文件',
        now: opt.now,
        readOnly: opt.readOnly,
        validate: (p) => MappingsSchema.parse(p)
      })
      return new MappingStore(file, (await file.read()) ?? { bySignature: [] }, lock)
    }, opt)
  }

  get notices(): Notice[] {
    return this.file.notices
  }

  /** The assignments made for a header row, if any. */
  find(signature: string): Assignment | undefined {
    return this.data.bySignature.find((m) => m.signature === signature)?.mapping
  }

  /** Remembers the assignments for a header row (the latest replaces an earlier one). */
  remember(signature: string, mapping: Assignment): Promise<void> {
    return this.serial.run(async () => {
      const others = this.data.bySignature.filter((m) => m.signature !== signature)
      const next = MappingsSchema.parse({ bySignature: [...others, { signature, mapping }].slice(-KEPT) })
      await this.file.write(next)
      this.data = next
    })
  }

  close(): Promise<void> {
    return this.serial.run(() => this.lock.release())
  }
}
