/**
 * `npm run bench`: every performance benchmark, one after the other (they share two cores, so never in parallel).
 * The durability kill loop is separate (`npm run bench:durability`): it takes about ten minutes; so is reading back
 * a 100,000-row consolidation (`npm run bench:rollup`), which generates and merges 25 files first.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const benches = ['saveLatency.ts', 'ledgerUi.ts', 'pasteBench.ts', 'importPreview.ts', 'csvBench.ts', 'wideSheet.ts', 'mergeBench.ts']
let failed = 0
for (const file of benches) {
  console.log(`\n== ${file}`)
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, file)], { stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
