/**
 * Save latency of LedgerStore.save for a 20,000-row 附件2 ledger with a one-field change (goal: p95 < 250 ms).
 * Two shapes: records only (an imported ledger), and records plus the field-by-field history that typing them in
 * creates. Usage: tsx bench/saveLatency.ts [rows] [saves]
 */
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { LedgerPayload } from '@shared/ledger/record'
import { applyChanges, emptyLedger } from '@shared/ledger/record'
import { ledgerFile, ledgerPath, LedgerStore } from '../electron/services/storage/ledgerStore'
import { prng, sampleLedger } from './sampleLedger'

const UNIT = 't001'

export interface LatencyResult {
  bytes: number
  openMs: number
  p50: number
  p95: number
  max: number
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

/** The same records as if each had been typed in and saved: a create entry plus one entry per filled field. */
function withCreationHistory(ledger: LedgerPayload): LedgerPayload {
  const upserts = ledger.records.map((r) => ({ id: r.id, fields: r.fields }))
  const made = applyChanges(emptyLedger(ledger.unitId), { upserts, deletes: [] }, {
    at: '2024-05-08T02:00:00.000Z',
    by: '马玉兰',
    problemNo: (n) => `LXS-2024-001-${String(n).padStart(4, '0')}`
  })
  return made.ledger
}

export async function measureSaveLatency(ledger: LedgerPayload, saves: number): Promise<LatencyResult> {
  const dir = await mkdtemp(join(tmpdir(), 'slw-latency-'))
  try {
    await ledgerFile(ledgerPath(dir, UNIT), { appVersion: 'bench' }).write(ledger)
    const opened = performance.now()
    const store = await LedgerStore.open(dir, UNIT, { appVersion: 'bench', campaign: defaultCampaign })
    const openMs = performance.now() - opened
    const rand = prng(7)
    const times: number[] = []
    for (let i = 0; i < saves; i++) {
      const records = store.view().records
      const rec = records[Math.floor(rand() * records.length)]
      if (!rec) throw new Error('empty ledger')
      const changes = { upserts: [{ id: rec.id, fields: { ...rec.fields, remarks: `第${i + 1}次核查：已现场复核` } }], deletes: [] }
      const t = performance.now()
      await store.save({ unitId: UNIT, baseGeneration: store.generation, changes }, '马玉兰')
      times.push(performance.now() - t)
    }
    await store.close()
    const bytes = (await stat(ledgerPath(dir, UNIT))).size
    times.sort((a, b) => a - b)
    return { bytes, openMs, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] ?? NaN }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 20_000)
  const saves = Number(process.argv[3] ?? 40)
  const base = sampleLedger(UNIT, '001', rows)
  for (const [label, ledger] of [
    ['records only', base],
    ['records + creation history', withCreationHistory(base)]
  ] as const) {
    const r = await measureSaveLatency(ledger, saves)
    const mb = (r.bytes / 1024 / 1024).toFixed(1)
    console.log(`save latency (${rows} rows, ${label}, ${mb} MB, ${saves} saves): p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, max ${r.max.toFixed(0)} ms; open ${r.openMs.toFixed(0)} ms`)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
