/**
 * The data folder: `profile.json` and one ledger per unit in `units/<unitId>/ledger.json`, each a DurableJsonFile
 * behind one lowdb instance and one lock.
 */
import { randomUUID } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import type { Campaign } from '@shared/campaign/campaign'
import { AttachmentStore } from './attachmentStore'
import { ComplaintStore } from './complaintStore'
import { MappingStore } from './mappingStore'
import { unitById } from '@shared/campaign/campaign'
import type { LedgerSaveInput, LedgerView, Notice, Profile, SaveReceipt } from '@shared/ipc/contract'
import { ProfileSchema } from '@shared/ipc/contract'
import { AppFailure } from '@shared/ipc/result'
import type { HistoryEntry, LedgerPayload, LedgerRecord } from '@shared/ledger/record'
import { applyChanges, emptyLedger, formatProblemNo } from '@shared/ledger/record'
import { canReopen, reopenDeadline, reopenFields } from '@shared/lifecycle/reopen'
import type { Migration } from './durableJsonFile'
import { DurableJsonFile, READ_ONLY_MESSAGE } from './durableJsonFile'
import type { FileLock, Program } from './fileLock'
import { openLocked } from './fileLock'
import { OfficeStore } from './officeStore'
import { DocumentsStore } from './documentsStore'
import { CalendarStore } from './calendarStore'
import { ledgerGate } from './ledgerGate'
import { deepFreeze } from './payloadGate'
import { Serial } from './serial'

export const LEDGER_FORMAT = 'slw-ledger'
export const LEDGER_SCHEMA_VERSION = 1
/** Pure vN → vN+1 upgrades of the ledger payload; the first entry turns version 1 into 2. */
export const LEDGER_MIGRATIONS: readonly Migration[] = []
/** 问题编号 unit code of the leadership-group office, which is not one of the campaign's units. */
export const OFFICE_SEQ = '900'

const LEDGER_NAME = 'ledger.json'
const PROFILE_NAME = 'profile.json'

export interface StoreOptions {
  appVersion: string
  campaign: Campaign
  now?: () => Date
  /** Only read: no lock, no file written (see DurableJsonFileOptions.readOnly). */
  readOnly?: boolean
  /** The program writing, named in its locks to whoever finds them held. */
  program?: Program
}

export function ledgerPath(dataDir: string, unitId: string): string {
  return join(dataDir, 'units', unitId, LEDGER_NAME)
}

/** The adapter for one unit's ledger file, also used by tools that prepare ledgers (benches, tests). */
export function ledgerFile(path: string, opt: Pick<StoreOptions, 'appVersion' | 'now' | 'readOnly'>): DurableJsonFile<LedgerPayload> {
  const gate = ledgerGate()
  return new DurableJsonFile<LedgerPayload>(path, {
    format: LEDGER_FORMAT,
    schemaVersion: LEDGER_SCHEMA_VERSION,
    appVersion: opt.appVersion,
    migrations: LEDGER_MIGRATIONS,
    label: '台账文件',
    now: opt.now,
    readOnly: opt.readOnly,
    encode: ledgerEncoder(),
    validate: gate.load,
    admit: gate.admit
  })
}

const COMMA = Buffer.from(',')

/**
 * Encodes a ledger as JSON, reusing the bytes of records it has seen before and of the history already encoded
 * (history only grows). Only frozen objects are cached (see freezeLedger), so an object seen before still has the
 * same content. A 20,000-row ledger then costs a few ms instead of ~90 ms to encode.
 */
export function ledgerEncoder(): (ledger: LedgerPayload) => Buffer[] {
  const records = new WeakMap<LedgerRecord, Buffer>()
  let blocks: Buffer[] = []
  let first: HistoryEntry | undefined
  let last: HistoryEntry | undefined
  let count = 0
  return (ledger) => {
    const out: Buffer[] = [Buffer.from(`{"unitId":${JSON.stringify(ledger.unitId)},"records":[`)]
    ledger.records.forEach((r, i) => {
      let b = records.get(r)
      if (!b) {
        b = Buffer.from(JSON.stringify(r))
        if (Object.isFrozen(r)) records.set(r, b)
      }
      if (i > 0) out.push(COMMA)
      out.push(b)
    })
    out.push(Buffer.from('],"history":['))
    const h = ledger.history
    if (count > h.length || h[0] !== first || (count > 0 && h[count - 1] !== last)) {
      blocks = []
      count = 0
    }
    out.push(...blocks)
    const rest = h.slice(count)
    if (rest.length > 0) {
      const block = Buffer.from((count > 0 ? ',' : '') + rest.map((e) => JSON.stringify(e)).join(','))
      out.push(block)
      if (rest.every((e) => Object.isFrozen(e))) {
        blocks.push(block)
        first = h[0]
        count = h.length
        last = h[count - 1]
      }
    }
    out.push(Buffer.from(`],"problemSeq":${ledger.problemSeq}}`))
    return out
  }
}

/** Freezes records and history entries not frozen yet, so nothing can change them behind the encoder's back. */
function freezeLedger(ledger: LedgerPayload, added: readonly HistoryEntry[]): LedgerPayload {
  for (const r of ledger.records) deepFreeze(r)
  for (const e of added) deepFreeze(e)
  return ledger
}

export class LedgerStore {
  private readonly serial = new Serial()
  private closed = false

  private constructor(
    readonly unitId: string,
    private readonly db: Low<LedgerPayload>,
    private readonly file: DurableJsonFile<LedgerPayload>,
    private readonly lock: FileLock,
    private readonly problemNo: (n: number) => string,
    private readonly now: () => Date
  ) {}

  static async open(dataDir: string, unitId: string, opt: StoreOptions): Promise<LedgerStore> {
    const seq = unitId === opt.campaign.office.id ? OFFICE_SEQ : unitById(opt.campaign, unitId)?.seq
    if (!seq) throw new AppFailure('NOT_FOUND', `本次整治工作中没有编号为 ${unitId} 的单位。`)
    const path = ledgerPath(dataDir, unitId)
    const dir = join(dataDir, 'units', unitId)
    if (!opt.readOnly) await mkdir(dir, { recursive: true })
    return openLocked(dir, LEDGER_NAME, async (lock) => {
      const file = ledgerFile(path, opt)
      // Defaults only when no file exists at all: the adapter throws rather than return null over damaged files.
      const db = new Low<LedgerPayload>(file, emptyLedger(unitId))
      await db.read()
      if (db.data.unitId !== unitId) {
        throw new AppFailure('UNRECOVERABLE', `文件夹 ${dir} 中的台账属于单位 ${db.data.unitId}，不是 ${unitId}。为防止数据混淆，程序没有打开或改动它。`)
      }
      const { problemNoPrefix, year } = opt.campaign
      return new LedgerStore(unitId, db, file, lock, (n) => formatProblemNo(problemNoPrefix, year, seq, n), opt.now ?? (() => new Date()))
    }, opt)
  }

  get generation(): number {
    return this.file.generation
  }

  get notices(): Notice[] {
    return this.file.notices
  }

  view(): LedgerView {
    // A copy of the list: sorting or filtering it must not reorder the stored ledger.
    const records = this.db.data.records.slice()
    return { unitId: this.unitId, records, generation: this.file.generation, readOnly: this.file.readOnly, notices: this.file.notices }
  }

  /** Applies the changes and resolves once they are durably on disk. */
  save(input: LedgerSaveInput, actor: string): Promise<SaveReceipt> {
    return this.serial.run(async () => {
      this.assertWritable(input.unitId, input.baseGeneration)
      const at = this.now().toISOString()
      const prev = this.db.data
      const { ledger, assigned, added } = applyChanges(prev, input.changes, { at, by: actor, problemNo: this.problemNo })
      if (added.length > 0) await this.commit(prev, ledger, added)
      return { generation: this.file.generation, savedAt: this.file.savedAt ?? at, assigned }
    })
  }

  /**
   * Reopens a 2023 回头看 item found back in production as a new record, in one save: the new record takes the next
   * 问题编号 and the item is linked to it. `campaign` is the calendar in force, whose phases set its 完成时限.
   */
  reopen(
    input: { unitId: string; recordId: string; baseGeneration: number; today: string; campaign: Pick<Campaign, 'phases'> },
    actor: string
  ): Promise<LedgerView> {
    return this.serial.run(async () => {
      this.assertWritable(input.unitId, input.baseGeneration)
      const prev = this.db.data
      const item = prev.records.find((r) => r.id === input.recordId)
      if (!item || !canReopen(item.fields)) {
        throw new AppFailure('INVALID_INPUT', '只有回头看核查为“死灰复燃”、尚未重新立案的2023年问题才能重新立案整治。')
      }
      const seq = prev.problemSeq + 1
      const problemNo = this.problemNo(seq)
      const deadline = reopenDeadline(item.fields, input.campaign, input.today)
      const { record, item: linked } = reopenFields(item.fields, item.id, problemNo, { today: input.today, deadline })
      const changes = { upserts: [{ id: randomUUID(), problemNo, fields: record }, { id: item.id, fields: linked }], deletes: [] }
      const at = this.now().toISOString()
      const { ledger, added } = applyChanges(prev, changes, { at, by: actor, problemNo: this.problemNo })
      await this.commit(prev, { ...ledger, problemSeq: seq }, added)
      return this.view()
    })
  }

  history(recordId: string): HistoryEntry[] {
    return this.db.data.history.filter((h) => h.recordId === recordId)
  }

  /** Copies the current file to backups, e.g. `pre-import` before an import; null while nothing is saved. */
  snapshot(label: string): Promise<string | null> {
    return this.file.snapshot(label)
  }

  /** Waits for a save in progress, then releases the lock. */
  close(): Promise<void> {
    return this.serial.run(async () => {
      if (this.closed) return
      this.closed = true
      await this.lock.release()
    })
  }

  private assertWritable(unitId: string, baseGeneration: number): void {
    if (this.closed) throw new AppFailure('INTERNAL', '台账已关闭，未保存。')
    if (this.file.readOnly) throw new AppFailure('READ_ONLY', READ_ONLY_MESSAGE)
    if (unitId !== this.unitId) throw new AppFailure('INVALID_INPUT', `要保存的单位（${unitId}）与打开的台账（${this.unitId}）不一致，未保存。`)
    if (baseGeneration !== this.file.generation) {
      throw new AppFailure(
        'STALE',
        `台账已在别处更新（当前为第 ${this.file.generation} 次保存，您的修改基于第 ${baseGeneration} 次），为防止覆盖，本次修改未保存。请重新打开台账后再改。`
      )
    }
  }

  /** Writes the next ledger durably; on failure the previous one stays in memory as on disk. */
  private async commit(prev: LedgerPayload, next: LedgerPayload, added: readonly HistoryEntry[]): Promise<void> {
    this.db.data = freezeLedger(next, added)
    try {
      await this.db.write()
    } catch (e) {
      this.db.data = prev
      throw e
    }
  }
}

const StoredProfileSchema = ProfileSchema.extend({ updatedAt: z.string() })
type StoredProfile = z.infer<typeof StoredProfileSchema>

/** Who fills in the ledgers on this computer: `<dataDir>/profile.json`. */
export class ProfileStore {
  private readonly serial = new Serial()

  private constructor(
    private readonly file: DurableJsonFile<StoredProfile>,
    private data: StoredProfile | null,
    private readonly lock: FileLock,
    private readonly now: () => Date
  ) {}

  static async open(dataDir: string, opt: Pick<StoreOptions, 'appVersion' | 'now' | 'readOnly' | 'program'>): Promise<ProfileStore> {
    if (!opt.readOnly) await mkdir(dataDir, { recursive: true })
    return openLocked(dataDir, PROFILE_NAME, async (lock) => {
      const file = new DurableJsonFile<StoredProfile>(join(dataDir, PROFILE_NAME), {
        format: 'slw-profile',
        schemaVersion: 1,
        appVersion: opt.appVersion,
        migrations: [],
        label: '单位信息文件',
        now: opt.now,
        readOnly: opt.readOnly,
        validate: (p) => StoredProfileSchema.parse(p)
      })
      return new ProfileStore(file, await file.read(), lock, opt.now ?? (() => new Date()))
    }, opt)
  }

  get notices(): Notice[] {
    return this.file.notices
  }

  get(): Profile | null {
    if (!this.data) return null
    const { unitId, filler, phone } = this.data
    return { unitId, filler, phone }
  }

  save(profile: Profile): Promise<Profile> {
    return this.serial.run(async () => {
      const next: StoredProfile = { ...ProfileSchema.parse(profile), updatedAt: this.now().toISOString() }
      await this.file.write(next)
      this.data = next
      return this.get() as Profile
    })
  }

  close(): Promise<void> {
    return this.serial.run(() => this.lock.release())
  }
}

/** Stores opened on first use, at most one per key; a failed open (locked, damaged) is retried on the next request. */
class OpenStores<T extends { close(): Promise<void> }> {
  private readonly open = new Map<string, Promise<T>>()

  get(key: string, opener: () => Promise<T>): Promise<T> {
    let p = this.open.get(key)
    if (!p) {
      p = opener()
      this.open.set(key, p)
      p.catch(() => {
        if (this.open.get(key) === p) this.open.delete(key)
      })
    }
    return p
  }

  async closeAll(): Promise<void> {
    const stores = [...this.open.values()]
    this.open.clear()
    for (const s of await Promise.allSettled(stores)) if (s.status === 'fulfilled') await s.value.close()
  }
}

/** The data folder of one program instance: at most one open store per file, created on first use. */
export class DataDir {
  private readonly ledgers = new OpenStores<LedgerStore>()
  private readonly profiles = new OpenStores<ProfileStore>()
  private readonly offices = new OpenStores<OfficeStore>()
  private readonly documents = new OpenStores<DocumentsStore>()
  private readonly calendars = new OpenStores<CalendarStore>()
  private readonly evidence = new OpenStores<AttachmentStore>()
  private readonly registers = new OpenStores<ComplaintStore>()
  private readonly mappings = new OpenStores<MappingStore>()

  constructor(
    readonly root: string,
    private readonly opt: StoreOptions
  ) {}

  ledger(unitId: string): Promise<LedgerStore> {
    return this.ledgers.get(unitId, () => LedgerStore.open(this.root, unitId, this.opt))
  }

  profile(): Promise<ProfileStore> {
    return this.profiles.get('', () => ProfileStore.open(this.root, this.opt))
  }

  /** The campaign's calendar in force (the plan's dates as the office has moved them). */
  calendar(): Promise<CalendarStore> {
    return this.calendars.get('', () => CalendarStore.open(this.root, this.opt))
  }

  /** The office's registry of received files and decisions (leadership-group office only). */
  office(): Promise<OfficeStore> {
    return this.offices.get('', () => OfficeStore.open(this.root, this.opt))
  }

  /** A unit's weekly report texts and contacts. */
  unitDocuments(unitId: string): Promise<DocumentsStore> {
    return this.documents.get(unitId, () => DocumentsStore.open(this.root, unitId, this.opt))
  }

  /** A unit's evidence: photos and PDFs attached to its records. */
  attachments(unitId: string): Promise<AttachmentStore> {
    return this.evidence.get(unitId, () => AttachmentStore.open(this.root, unitId, this.opt))
  }

  /** The 举报受理登记 register of this folder (the office's, or the unit's). */
  complaints(): Promise<ComplaintStore> {
    return this.registers.get('', () => ComplaintStore.open(this.root, this.opt))
  }

  /** The column assignments clerks confirmed on import, by header row. */
  importMappings(): Promise<MappingStore> {
    return this.mappings.get('', () => MappingStore.open(this.root, this.opt))
  }

  async close(): Promise<void> {
    await this.mappings.closeAll()
    await this.registers.closeAll()
    await this.evidence.closeAll()
    await this.ledgers.closeAll()
    await this.documents.closeAll()
    await this.profiles.closeAll()
    await this.offices.closeAll()
    await this.calendars.closeAll()
  }
}
