/**
 * Acknowledged-state property (issue 15): random sequences of imports, edits and deletes over hostile values (texts
 * at and past the storage limits, control characters, Object.prototype names, lone surrogates, huge ids) are
 * applied to a unit's ledger; whatever a step acknowledges must reopen identical in a fresh program over the same
 * folder, and whatever it refuses must leave the ledger as last acknowledged. Never a damaged ledger at start.
 * Usage: tsx bench/acknowledged.ts [runs]   (or ACKNOWLEDGED_RUNS; default 1000). Exits 1 on any failure.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import fc from 'fast-check'
import { annex2 } from '@shared/annexes/annex2'
import type { AnnexDefinition } from '@shared/annexes/types'
import { defaultCampaign } from '@shared/campaign/campaign'
import { AppFailure } from '@shared/ipc/result'
import type { FieldValue, HistoryEntry, LedgerRecord, RecordFields } from '@shared/ledger/record'
import { STORAGE_LIMITS } from '@shared/ledger/record'
import { META_FORMAT, META_FORMAT_VERSION, META_SHEET, metaRows } from '../electron/services/export/meta'
import type { ExportMeta } from '../electron/services/export/meta'
import { annexFromWorkbook } from '../electron/services/import/annexFromWorkbook'
import type { RawCell, RawWorkbook } from '../electron/services/import/rawWorkbook'
import { ImportStager } from '../electron/services/ledgerImport'
import type { LedgerStore } from '../electron/services/storage/ledgerStore'
import { DataDir } from '../electron/services/storage/ledgerStore'

const UNIT = 't005'
const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf']
const { text: TEXT_MAX, listItem: ITEM_MAX, listItems: ITEMS_MAX, recordId: ID_MAX } = STORAGE_LIMITS

/** Text as a hostile file or clerk writes it; lengths cluster around the limits. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(...PROTO_NAMES),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 6 }),
  fc.constantFrom('\ud800', 'a\udfffb', '\u202e反向', '\ufeff', '\u0000', '𠀀𠀁', 'e\u0301', '=1+1', '<b>'),
  fc.integer({ min: TEXT_MAX - 2, max: TEXT_MAX + 2 }).map((n) => '长'.repeat(n)),
  fc.integer({ min: ITEM_MAX - 1, max: ITEM_MAX + 1 }).map((n) => 'p'.repeat(n))
)

const hostileValue: fc.Arbitrary<FieldValue> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: ITEMS_MAX + 2 }) }
)

const hostileId: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.integer({ min: ID_MAX - 1, max: ID_MAX + 40 }).map((n) => 'i'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('', ...PROTO_NAMES) },
  { weight: 1, arbitrary: hostileText.filter((t) => t.length < 100) }
)

const FIELD_KEYS = ['name', 'address', 'uscc', 'remarks', 'problemTypes', 'town']
const hostileKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FIELD_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom('', 'k'.repeat(STORAGE_LIMITS.fieldKey + 1), ...PROTO_NAMES) }
)

/** Columns a generated sheet fills; the others are left blank under their header. */
const SHEET_KEYS = ['town', 'name', 'uscc', 'address', 'problemTypes', 'remarks'] as const

type Step =
  | { kind: 'edit'; upserts: { pick: number | null; id: string; fields: [string, FieldValue][] }[]; deletes: number[] }
  | { kind: 'import'; rows: string[][]; ids: { recordId: string; problemNo: string }[] | null }
  | { kind: 'reopen' }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    upserts: fc.array(
      fc.record({
        pick: fc.option(fc.nat(), { nil: null }),
        id: hostileId,
        fields: fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 4 })
      }),
      { minLength: 1, maxLength: 3 }
    ),
    deletes: fc.array(fc.nat(), { maxLength: 2 })
  }),
  fc.record({
    kind: fc.constant('import' as const),
    rows: fc.array(fc.array(hostileText, { minLength: SHEET_KEYS.length, maxLength: SHEET_KEYS.length }), { minLength: 1, maxLength: 4 }),
    ids: fc.option(fc.array(fc.record({ recordId: hostileId, problemNo: hostileText }), { minLength: 4, maxLength: 4 }), { nil: null })
  }),
  fc.constant({ kind: 'reopen' as const })
)

export const scenario = fc.array(step, { minLength: 1, maxLength: 6 })

/** Everything a program shows of the ledger: records and each record's history (deleted ones included). */
interface Seen {
  generation: number
  records: LedgerRecord[]
  history: [string, HistoryEntry[]][]
}

/** The sheet a hostile clerk made: 附件2's header, the rows given, and optionally our `_meta` sheet with their ids. */
function workbookOf(s: Extract<Step, { kind: 'import' }>): RawWorkbook {
  const headers = annex2.columns.map((c) => c.header)
  const at = SHEET_KEYS.map((k) => annex2.columns.findIndex((c) => c.key === k))
  const cell = (v: string): RawCell => ({ t: 's', v })
  const rows = s.rows.map((texts) => {
    const row: (RawCell | null)[] = headers.map(() => null)
    texts.forEach((t, i) => (row[at[i] as number] = cell(t)))
    return row
  })
  const sheets: RawWorkbook['sheets'] = [{ name: '附件2', hidden: false, rows: [headers.map(cell), ...rows], merges: [], hiddenRows: [] }]
  if (s.ids) {
    const meta: ExportMeta = {
      format: META_FORMAT,
      formatVersion: META_FORMAT_VERSION,
      kind: 'export',
      campaignId: defaultCampaign.id,
      annexId: annex2.id,
      annexVersion: annex2.version,
      unitName: '八坊街道',
      filledDate: '',
      exportedAt: '2024-05-10T02:00:00.000Z',
      appVersion: 'bench',
      recordCount: s.ids.length,
      fileHash: '',
      checkCode: '',
      records: s.ids.map((m, i) => ({ ...m, row: i + 2, contentHash: '' }))
    }
    const metaCells = metaRows(meta).map((r) => r.map((v) => (typeof v === 'number' ? { t: 'n' as const, v } : cell(v))))
    sheets.push({ name: META_SHEET, hidden: true, rows: metaCells, merges: [], hiddenRows: [] })
  }
  return { date1904: false, sheets }
}

class Ledger {
  private data: DataDir
  private stager: ImportStager
  private sheets = new Map<string, RawWorkbook>()
  /** Every record id ever shown, so the history of deleted records is compared too. */
  private readonly ids = new Set<string>()

  constructor(private readonly dir: string) {
    ;[this.data, this.stager] = this.make()
  }

  private make(): [DataDir, ImportStager] {
    const data = new DataDir(this.dir, { appVersion: 'bench', campaign: defaultCampaign, now: () => new Date('2024-05-11T02:00:00Z') })
    const read = async (_: Buffer, name: string, annex: AnnexDefinition<RecordFields>) =>
      annexFromWorkbook(this.sheets.get(name) as RawWorkbook, name, annex, defaultCampaign)
    return [data, new ImportStager(data, defaultCampaign, read, () => '2024-05-11')]
  }

  store(): Promise<LedgerStore> {
    return this.data.ledger(UNIT)
  }

  async seen(): Promise<Seen> {
    const store = await this.store()
    const view = store.view()
    for (const r of view.records) this.ids.add(r.id)
    return { generation: view.generation, records: view.records, history: [...this.ids].sort().map((id) => [id, store.history(id)]) }
  }

  /** A fresh program over the same folder; its opening must find nothing to repair. */
  async reopen(): Promise<string[]> {
    await this.data.close()
    ;[this.data, this.stager] = this.make()
    return (await this.store()).notices.map((n) => n.message)
  }

  /** Applies a step; true when it was acknowledged, false when refused with an AppFailure (anything else throws). */
  async apply(s: Exclude<Step, { kind: 'reopen' }>): Promise<boolean> {
    try {
      if (s.kind === 'edit') await this.edit(s)
      else await this.import(s)
      return true
    } catch (e) {
      if (e instanceof AppFailure) return false
      throw e
    }
  }

  private async edit(s: Extract<Step, { kind: 'edit' }>): Promise<void> {
    const store = await this.store()
    const { records, generation } = store.view()
    const existing = (n: number | null): LedgerRecord | undefined => (n === null || records.length === 0 ? undefined : records[n % records.length])
    const upserts = s.upserts.map((u) => ({ id: existing(u.pick)?.id ?? u.id, fields: Object.fromEntries(u.fields) as RecordFields }))
    const deletes = s.deletes.map((n) => existing(n)?.id).filter((id): id is string => id !== undefined)
    await store.save({ unitId: UNIT, baseGeneration: generation, changes: { upserts, deletes } }, '马玉兰')
  }

  private async import(s: Extract<Step, { kind: 'import' }>): Promise<void> {
    const name = `import-${this.sheets.size}.xlsx`
    this.sheets.set(name, workbookOf(s))
    const preview = await this.stager.preview(UNIT, name, Buffer.alloc(0))
    await this.stager.commit(UNIT, preview.stageId, true, '马玉兰')
  }

  close(): Promise<void> {
    return this.data.close()
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** Steps acknowledged and refused over a whole run: a property that refuses everything proves nothing. */
export interface Tally {
  acknowledged: number
  refused: number
}

/** Runs one scenario in a fresh folder; returns what went wrong, if anything. */
export async function checkScenario(steps: readonly Step[], tally: Tally = { acknowledged: 0, refused: 0 }): Promise<string | null> {
  const dir = await mkdtemp(join(tmpdir(), 'slw-acknowledged-'))
  const ledger = new Ledger(dir)
  try {
    let acknowledged = await ledger.seen()
    for (const [i, s] of [...steps, { kind: 'reopen' as const }].entries()) {
      if (s.kind === 'reopen') {
        const notices = await ledger.reopen()
        if (notices.length) return `step ${i}: reopening said ${notices.join(' / ')}`
        const reopened = await ledger.seen()
        if (!same(reopened, acknowledged)) return `step ${i}: the reopened ledger differs from the acknowledged one`
        continue
      }
      const taken = await ledger.apply(s)
      tally[taken ? 'acknowledged' : 'refused']++
      const now = await ledger.seen()
      if (!taken && !same(now, acknowledged)) return `step ${i}: a refused ${s.kind} changed the ledger`
      acknowledged = now
    }
    return null
  } finally {
    await ledger.close()
    await rm(dir, { recursive: true, force: true })
  }
}

export interface AcknowledgedReport extends Tally {
  runs: number
  failures: string[]
}

export async function runAcknowledged(runs: number, seed?: number): Promise<AcknowledgedReport> {
  const failures: string[] = []
  const tally: Tally = { acknowledged: 0, refused: 0 }
  const result = await fc.check(
    fc.asyncProperty(scenario, async (steps) => {
      const failed = await checkScenario(steps, tally)
      if (failed) failures.push(failed)
      return failed === null
    }),
    { numRuns: runs, endOnFailure: true, ...(seed === undefined ? {} : { seed }) }
  )
  if (result.failed) failures.push(`seed ${result.seed}, path ${result.counterexamplePath}: ${(result.errorInstance as Error | undefined)?.stack ?? 'failed'}`)
  return { runs: result.numRuns, ...tally, failures }
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? process.env['ACKNOWLEDGED_RUNS'] ?? 1000)
  const started = performance.now()
  const r = await runAcknowledged(runs)
  const s = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    `acknowledged-state property: ${r.runs} runs, ${r.failures.length} failures ` +
      `(${r.acknowledged} steps acknowledged, ${r.refused} refused; ${s} s)`
  )
  for (const f of r.failures) console.log(f)
  process.exitCode = r.failures.length ? 1 : 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
