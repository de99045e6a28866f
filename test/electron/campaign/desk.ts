/**
 * One PC of the campaign in a replay: its own data folder and the services the app runs on it, driven through the
 * IPC handlers as the renderer drives them. Files go from one desk to another as bytes, as on a USB stick.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { annexById } from '@shared/annexes/registry'
import type { ChannelName, ExportedFile, In, Out } from '@shared/ipc/contract'
import type { LedgerRecord, RecordFields } from '@shared/ledger/record'
import { FIRST_DATA_ROW } from '../../../electron/services/export/formBlock'
import { createServices } from '../../../electron/services/services'
import type { Services } from '../../../electron/services/services'

export class Desk {
  private readonly services: Services
  /** The desk's data folder. */
  readonly dir: string

  constructor(readonly unitId: string) {
    this.dir = mkdtempSync(join(tmpdir(), `slw-replay-${unitId}-`))
    this.services = createServices(this.dir, 'web')
  }

  call<C extends ChannelName>(channel: C, input: In<C>): Promise<Out<C>> {
    return (this.services.handlers[channel] as (i: In<C>) => Promise<Out<C>>)(input)
  }

  close(): Promise<void> {
    return this.services.close()
  }

  async records(): Promise<LedgerRecord[]> {
    return (await this.call('ledger:open', { unitId: this.unitId })).records
  }

  /** Saves records as the grid does: new ones with their id, changed ones by id. */
  async save(upserts: { id: string; fields: RecordFields }[]): Promise<void> {
    const { generation } = await this.call('ledger:open', { unitId: this.unitId })
    await this.call('ledger:save', { unitId: this.unitId, baseGeneration: generation, changes: { upserts, deletes: [] } })
  }

  /** Changes the record named `name`. */
  async edit(name: string, change: RecordFields): Promise<LedgerRecord> {
    const record = (await this.records()).find((r) => r.fields['name'] === name)
    if (!record) throw new Error(`no record named ${name}`)
    await this.save([{ id: record.id, fields: { ...record.fields, ...change } }])
    return record
  }

  /** A form of the unit as its 导出 writes it. */
  form(annex: string): Promise<ExportedFile> {
    return this.call('export:annex', { unitId: this.unitId, annex, template: false })
  }

  /** The Friday report's 附表 as the unit sends it. */
  weekly(friday: string): Promise<ExportedFile> {
    return this.call('weekly:export', { unitId: this.unitId, friday, format: 'xlsx' })
  }
}

/** The 统计 sheet of a form as the unit sealed it: its own row, by column (group/header). */
export async function sealedStats(file: ExportedFile, annexId: string): Promise<Record<string, number | null>> {
  const annex = annexById(annexId)
  const columns = annex?.stats?.columns ?? []
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ArrayBuffer)
  const ws = wb.getWorksheet(annex?.stats?.sheetName ?? '统计')
  if (!ws) throw new Error(`${file.fileName} has no 统计 sheet`)
  const values = ws.getRow(FIRST_DATA_ROW).values as unknown[]
  // Columns: 序号, 单位, then the stat columns (exceljs rows are 1-based).
  return Object.fromEntries(columns.map((c, i) => [statKey(c), (values[3 + i] as number | null) ?? null]))
}

export const statKey = (c: { header: string; group?: string }): string => (c.group ? `${c.group}/${c.header}` : c.header)

export const upload = (f: ExportedFile): { fileName: string; data: string } => ({ fileName: f.fileName, data: f.data })
