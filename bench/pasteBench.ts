/**
 * Pasting 1,000 rows copied from an exported 附件2 (A:Z with 序号, as Excel puts them on the clipboard) into the 序号
 * cell of a new row of a 20,000-row ledger: reading the TSV, mapping the columns by the printed layout (values
 * scored), reading every value as an import does, and applying it to the model as one undo step (goal < 500 ms).
 * The whole paste in Chromium, to the grid showing the rows, is measured in ledgerUi.ts.
 * Usage: tsx bench/pasteBench.ts [rows]
 */
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import { parseClipboardTsv, toClipboardTsv } from '../renderer/src/features/ledger/clipboardTsv'
import { LedgerModel } from '../renderer/src/features/ledger/ledgerModel'
import { planPaste } from '../renderer/src/features/ledger/paste'
import { exportedBlock, sampleLedger } from './sampleLedger'

const ROWS = Number(process.argv[2] ?? 1_000)
const RUNS = 7

const text = toClipboardTsv(exportedBlock(ROWS))
const ledger = sampleLedger('t005', '005', 20_000, 7)
const times: number[] = []
for (let run = 0; run < RUNS; run++) {
  const model = new LedgerModel(ledger.records)
  const [id] = model.insert([{ town: '八坊街道' }])
  const rowIds = model.all.map((r) => r.id)
  const t0 = performance.now()
  const plan = planPaste(parseClipboardTsv(text), annex2, { rowIds, startRow: rowIds.indexOf(id as string), anchorKey: 'seq', createsRecords: true }, defaultCampaign, {})
  model.edit(plan.patches, plan.newRows)
  times.push(performance.now() - t0)
  if (plan.written !== ROWS || plan.mapping.columns[0]?.to !== 'computed') throw new Error('the block did not land by the printed layout')
}
times.sort((a, b) => a - b)
console.log(`paste of ${ROWS} rows (A:Z with 序号, ${(text.length / 1024).toFixed(0)} KB of TSV) into a 20,000-row ledger, median of ${RUNS}:`)
console.log(`  parse + map + read values + apply as one undo step: ${times[RUNS >> 1]?.toFixed(0)} ms, max ${times[RUNS - 1]?.toFixed(0)} ms (goal < 500)`)
