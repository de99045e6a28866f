/**
 * What the leadership-group office has received and decided: `office/registry.json` (every submission as read,
 * every decision) and the received files themselves, immutable under `office/files/<sha256>`. Everything the
 * office sees is derived from these by `consolidate`, so nothing else needs storing.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Notice } from '@shared/ipc/contract'
import type { OfficePayload } from '@shared/office/officePayload'
import type { AccountabilityRecord } from '@shared/office/accountability'
import type { Confirmation } from '@shared/office/crossForms'
import type { StoredNotice } from '@shared/office/notices'
import type { AssignedNo } from '@shared/office/problemNumbers'
import { nextSeq } from '@shared/office/notices'
import { OfficePayloadSchema } from '@shared/office/officePayload'
import type { Decision, Submission } from '@shared/merge/types'
import type { Migration } from './durableJsonFile'
import { DurableJsonFile } from './durableJsonFile'
import { keepContentFile, removeUnfinished } from './contentFile'
import type { FileLock, Program } from './fileLock'
import { openLocked } from './fileLock'
import { payloadGate } from './payloadGate'
import { Serial } from './serial'

const REGISTRY = 'registry.json'
export const OFFICE_SCHEMA_VERSION = 5
/**
 * Version 2 added the 督办通知 register, version 3 the 督查问责 register and the office's 问题编号; older registries
 * start with none. Version 4 takes rows with errors in flagged — a stored row's `rejected` (it had an error) is its
 * `flagged` — and adds the confirmations of differences between forms.
 */
export const OFFICE_MIGRATIONS: readonly Migration[] = [
  (p) => ({ ...(p as object), notices: [] }),
  (p) => ({ ...(p as object), accountability: [], problemNos: [] }),
  (p) => {
    const payload = p as { submissions?: { rows?: { rejected?: unknown }[] }[] }
    return {
      ...payload,
      confirmations: [],
      submissions: payload.submissions?.map((s) => ({
        ...s,
        rows: s.rows?.map(({ rejected, ...row }) => ({ ...row, flagged: rejected }))
      }))
    }
  },
  // Repairs what two releases saved without a new version (test/fixtures/formats): v3 of 029c130–c8a2e65 lacks
  // problemNos, v4 of 7246fba–7bb8c06 lacks confirmations; a field added later needs a version of its own.
  (p) => {
    const payload = p as { problemNos?: unknown; confirmations?: unknown }
    return { ...payload, problemNos: payload.problemNos ?? [], confirmations: payload.confirmations ?? [] }
  }
]

export function officeDir(dataDir: string): string {
  return join(dataDir, 'office')
}

/** What a decision is about: one conflict (by enterprise key) or the version of one unit's annex. */
function decisionTarget(d: Decision): string {
  return d.kind === 'use-version' ? `version:${d.unit}|${d.annex}` : `key:${d.key}`
}

export class OfficeStore {
  private readonly serial = new Serial()

  private constructor(
    private readonly dir: string,
    private readonly file: DurableJsonFile<OfficePayload>,
    private data: OfficePayload,
    private readonly lock: FileLock
  ) {}

  static async open(dataDir: string, opt: { appVersion: string; now?: () => Date; program?: Program }): Promise<OfficeStore> {
    const dir = officeDir(dataDir)
    await mkdir(join(dir, 'files'), { recursive: true })
    return openLocked(dir, REGISTRY, async (lock) => {
      // Each write is checked by the loader's schema, a submission or decision once (a registry holds every row received).
      const gate = payloadGate(OfficePayloadSchema)
      const file = new DurableJsonFile<OfficePayload>(join(dir, REGISTRY), {
        format: 'slw-office',
        schemaVersion: OFFICE_SCHEMA_VERSION,
        appVersion: opt.appVersion,
        migrations: OFFICE_MIGRATIONS,
        label: '汇总登记文件',
        now: opt.now,
        validate: gate.load,
        admit: gate.admit
      })
      await removeUnfinished(join(dir, 'files'))
      const data = (await file.read()) ?? { submissions: [], decisions: [], notices: [], accountability: [], problemNos: [], confirmations: [] }
      return new OfficeStore(dir, file, data, lock)
    }, { program: opt.program })
  }

  get submissions(): readonly Submission[] {
    return this.data.submissions
  }

  get decisions(): readonly Decision[] {
    return this.data.decisions
  }

  get notices(): Notice[] {
    return this.file.notices
  }

  get supervision(): readonly StoredNotice[] {
    return this.data.notices
  }

  /** Records a 督办通知; its number is the next of its year, taken inside the write so two cannot share one. */
  issue(make: (seq: number) => StoredNotice, year: number): Promise<StoredNotice> {
    return this.serial.run(async () => {
      const notice = make(nextSeq(this.data.notices, year))
      await this.save({ ...this.data, notices: [...this.data.notices, notice] })
      return notice
    })
  }

  /** The office's 问题编号 by enterprise key. */
  get problemNos(): ReadonlyMap<string, string> {
    return new Map(this.data.problemNos.map((a) => [a.key, a.no]))
  }

  /** Numbers the enterprises `make` finds unnumbered (given those numbered so far); nothing is written when none. */
  number(make: (assigned: readonly AssignedNo[]) => AssignedNo[]): Promise<void> {
    return this.serial.run(async () => {
      const fresh = make(this.data.problemNos)
      if (fresh.length > 0) await this.save({ ...this.data, problemNos: [...this.data.problemNos, ...fresh] })
    })
  }

  get accountability(): readonly AccountabilityRecord[] {
    return this.data.accountability
  }

  /** Records a 督查、通报、约谈 or 问责; `make` is given the next register number (and the records, for a 通报's). */
  account(make: (no: number, records: readonly AccountabilityRecord[]) => AccountabilityRecord): Promise<AccountabilityRecord> {
    return this.serial.run(async () => {
      const record = make(this.data.accountability.length + 1, this.data.accountability)
      await this.save({ ...this.data, accountability: [...this.data.accountability, record] })
      return record
    })
  }

  /** Records a unit's 反馈 on a notice (a later one replaces an earlier one). */
  feedback(seq: number, year: number, feedback: NonNullable<StoredNotice['feedback']>): Promise<void> {
    return this.serial.run(async () => {
      const notices = this.data.notices.map((n) => (n.seq === seq && n.year === year ? { ...n, feedback } : n))
      await this.save({ ...this.data, notices })
    })
  }

  get generation(): number {
    return this.file.generation
  }

  /**
   * Takes files in: their bytes are kept first (written once, never changed), then the registry records them in one
   * durable write. A file already received (same sha256) is not recorded twice.
   */
  add(received: readonly { submission: Submission; bytes: Buffer }[]): Promise<void> {
    return this.serial.run(async () => {
      const known = new Set(this.data.submissions.map((s) => s.sha256))
      const fresh = received.filter((r) => !known.has(r.submission.sha256) && known.add(r.submission.sha256))
      if (fresh.length === 0) return
      for (const r of fresh) await keepContentFile(join(this.dir, 'files'), r.submission.sha256, r.bytes, '收到的文件未能保存，本批文件没有登记')
      await this.save({ ...this.data, submissions: [...this.data.submissions, ...fresh.map((r) => r.submission)] })
    })
  }

  /** A received file as it was taken in (its bytes, kept under its sha256). */
  fileBytes(sha256: string): Promise<Buffer> {
    return readFile(join(this.dir, 'files', sha256))
  }

  /** Records a decision; a later decision on the same conflict or unit version replaces the earlier one. */
  decide(decision: Decision): Promise<void> {
    return this.serial.run(async () => {
      const target = decisionTarget(decision)
      await this.save({ ...this.data, decisions: [...this.data.decisions.filter((d) => decisionTarget(d) !== target), decision] })
    })
  }

  get confirmations(): readonly Confirmation[] {
    return this.data.confirmations
  }

  /** Records the office's confirmation of a difference between forms; a later one on the same check replaces it. */
  confirm(confirmation: Confirmation): Promise<void> {
    return this.serial.run(async () => {
      const others = this.data.confirmations.filter((c) => c.check !== confirmation.check)
      await this.save({ ...this.data, confirmations: [...others, confirmation] })
    })
  }

  close(): Promise<void> {
    return this.serial.run(() => this.lock.release())
  }

  private async save(next: OfficePayload): Promise<void> {
    await this.file.write(next)
    this.data = next
  }
}
