/**
 * A unit's evidence: `units/<unitId>/attachments/index.json` (which file proves what of which record, durable like
 * the ledger, one writer) and the files themselves under `attachments/files/<sha256>`, written before the index names
 * them. Adding a file already kept (the same photo for 断水 and 断电) stores no second copy.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import exifr from 'exifr'
import type { Attachment, AttachmentsPayload, AttachmentType, EvidenceSlot } from '@shared/evidence/attachments'
import { ATTACHMENT_TYPES, AttachmentsPayloadSchema, MAX_ATTACHMENT_BYTES, attachmentId, exifDateTime, isImage, isRemoved, sniffType } from '@shared/evidence/attachments'
import { AppFailure } from '@shared/ipc/result'
import { keepContentFile, removeUnfinished } from './contentFile'
import { diskFailure } from './busyRetry'
import { DurableJsonFile } from './durableJsonFile'
import type { FileLock, LockOptions } from './fileLock'
import { openLocked } from './fileLock'
import { Serial } from './serial'

const INDEX = 'index.json'
const MIB = 1024 * 1024

/** A file to attach, as the clerk picked, dropped or pasted it. */
export interface NewAttachment {
  recordId: string
  slot: EvidenceSlot
  name: string
  bytes: Uint8Array
}

/** When a photo was taken, from its EXIF; a file with none, or EXIF exifr cannot read, has no date. */
async function takenAt(bytes: Uint8Array, type: AttachmentType): Promise<string | null> {
  if (!isImage(type)) return null
  try {
    const exif = (await exifr.parse(Buffer.from(bytes), { pick: ['DateTimeOriginal'], reviveValues: false })) as { DateTimeOriginal?: unknown } | undefined
    return exifDateTime(exif?.DateTimeOriginal)
  } catch {
    return null
  }
}

export class AttachmentStore {
  private readonly serial = new Serial()

  private constructor(
    private readonly dir: string,
    private readonly file: DurableJsonFile<AttachmentsPayload>,
    private data: AttachmentsPayload,
    private readonly lock: FileLock,
    private readonly now: () => Date
  ) {}

  static async open(dataDir: string, unitId: string, opt: LockOptions & { appVersion: string; now?: () => Date }): Promise<AttachmentStore> {
    const dir = join(dataDir, 'units', unitId, 'attachments')
    if (!opt.readOnly) await mkdir(join(dir, 'files'), { recursive: true })
    return openLocked(dir, INDEX, async (lock) => {
      const file = new DurableJsonFile<AttachmentsPayload>(join(dir, INDEX), {
        format: 'slw-attachments',
        schemaVersion: 1,
        appVersion: opt.appVersion,
        migrations: [],
        label: '佐证材料登记文件',
        now: opt.now,
        readOnly: opt.readOnly,
        validate: (p) => AttachmentsPayloadSchema.parse(p)
      })
      if (!opt.readOnly) await removeUnfinished(join(dir, 'files'))
      return new AttachmentStore(dir, file, (await file.read()) ?? { attachments: [] }, lock, opt.now ?? (() => new Date()))
    }, opt)
  }

  /** A record's attachments, removed ones included (they can be restored), in the order added. */
  of(recordId: string): Attachment[] {
    return this.data.attachments.filter((a) => a.recordId === recordId)
  }

  get all(): readonly Attachment[] {
    return this.data.attachments
  }

  /**
   * Keeps the file, then records it: refused whole, with the reason in Chinese, when it is empty, too large or not a
   * photo or PDF by its content. The same file under the same slot of the same record again is the one attachment
   * (restored if it had been removed).
   */
  add(input: NewAttachment, by: string): Promise<Attachment> {
    return this.serial.run(async () => {
      const { bytes, name } = input
      if (bytes.length === 0) throw new AppFailure('INVALID_INPUT', `“${name}”是空文件，没有添加。`)
      if (bytes.length > MAX_ATTACHMENT_BYTES) {
        throw new AppFailure('INVALID_INPUT', `“${name}”有 ${(bytes.length / MIB).toFixed(1)} MB，超过每个文件 ${MAX_ATTACHMENT_BYTES / MIB} MB 的上限，请压缩或缩小后再添加。`)
      }
      const type = sniffType(bytes)
      if (!type) {
        const kinds = Object.values(ATTACHMENT_TYPES).map((t) => t.label).join('、')
        throw new AppFailure('INVALID_INPUT', `“${name}”的内容不是${kinds}（按文件内容判断，与扩展名无关），没有添加。`)
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      await keepContentFile(join(this.dir, 'files'), sha256, bytes, `“${name}”未能保存，没有添加`)
      const event = { what: '添加' as const, at: this.now().toISOString(), by }
      const id = attachmentId({ ...input, sha256 })
      const known = this.data.attachments.find((a) => attachmentId(a) === id)
      if (known && !isRemoved(known)) return known
      const attachment: Attachment = known
        ? { ...known, events: [...known.events, { ...event, what: '恢复' }] }
        : { recordId: input.recordId, sha256, name: name.slice(0, 255), type, size: bytes.length, slot: input.slot, takenAt: await takenAt(bytes, type), events: [event] }
      await this.save(known ? this.data.attachments.map((a) => (a === known ? attachment : a)) : [...this.data.attachments, attachment])
      return attachment
    })
  }

  /** Takes an attachment out of use (移除) or back (恢复); the file stays, and so does the event. */
  mark(id: string, what: '移除' | '恢复', by: string): Promise<Attachment> {
    return this.serial.run(async () => {
      const known = this.data.attachments.find((a) => attachmentId(a) === id)
      if (!known) throw new AppFailure('NOT_FOUND', '没有这份佐证材料，请刷新后再试。')
      if (isRemoved(known) === (what === '移除')) return known
      const changed = { ...known, events: [...known.events, { what, at: this.now().toISOString(), by }] }
      await this.save(this.data.attachments.map((a) => (a === known ? changed : a)))
      return changed
    })
  }

  /** The bytes of a file this unit keeps. */
  async read(sha256: string): Promise<Buffer> {
    if (!this.data.attachments.some((a) => a.sha256 === sha256)) throw new AppFailure('NOT_FOUND', '没有这份佐证材料。')
    const path = join(this.dir, 'files', sha256)
    try {
      return await readFile(path)
    } catch (e) {
      throw diskFailure(e, path, '佐证材料文件未能读取')
    }
  }

  get notices(): DurableJsonFile<AttachmentsPayload>['notices'] {
    return this.file.notices
  }

  close(): Promise<void> {
    return this.serial.run(() => this.lock.release())
  }

  private async save(attachments: Attachment[]): Promise<void> {
    const next = { attachments }
    await this.file.write(next)
    this.data = next
  }
}
