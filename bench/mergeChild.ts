/**
 * One contender of the merge benchmark, in a process of its own so that its peak memory is its own. Prints, as its
 * last line, `{"ms":…,"maxRssKb":…,"phases":…}`: the time of the work itself, after the modules are loaded (ours
 * from its bundle, SheetJS for the floor), so neither side pays for start-up.
 *   ours  <merge.mjs> <folder> <out.xlsx> <report.json>: `slw merge` as the office runs it, the command's own code
 *         in-process, from its bundle (mergeBundle.ts)
 *   floor <folder> <out.xlsx>: SheetJS reads every file (XLSX.read, sheet_to_json) and writes their rows into one
 *         sheet (XLSX.write), nothing else
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as XLSX from 'xlsx'

/** Label, title, 填报单位 line and the two header rows above the data of an 附件2. */
const HEADER_ROWS = 5

async function floor(dir: string, out: string): Promise<void> {
  const rows: unknown[][] = []
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.xlsx')).sort()) {
    const wb = XLSX.read(await readFile(join(dir, name)))
    const ws = wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet
    for (const row of XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, range: HEADER_ROWS })) rows.push(row)
  }
  const combined = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(combined, XLSX.utils.aoa_to_sheet(rows), '合并')
  await writeFile(out, XLSX.write(combined, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
}

type MergeCommand = typeof import('../electron/cli/commands/merge')

/** `slw merge` in-process; its phases (read + check + consolidate, report + workbook, save) from its marks. */
async function ours(bundle: string, dir: string, out: string, report: string): Promise<Record<string, number>> {
  // Loaded before the clock starts, and only here, so the floor's process holds none of it.
  const { MERGE_MARKS, run } = (await import(pathToFileURL(bundle).href)) as MergeCommand
  const started = performance.now()
  if ((await run([dir, '--out', out, '--report', report])) !== 0) process.exit(1)
  const at = (name: string): number => performance.getEntriesByName(name)[0]?.startTime ?? NaN
  const [read, written] = [at(MERGE_MARKS.read), at(MERGE_MARKS.written)]
  return { read: read - started, write: written - read, save: performance.now() - written }
}

const [mode, ...args] = process.argv.slice(2)
let result: { ms: number; phases?: Record<string, number> }
if (mode === 'ours' && args.length === 4) {
  const [bundle, dir, out, report] = args as [string, string, string, string]
  const phases = await ours(bundle, dir, out, report)
  result = { ms: phases.read + phases.write + phases.save, phases }
} else if (mode === 'floor' && args.length === 2) {
  const [dir, out] = args as [string, string]
  const started = performance.now()
  await floor(dir, out)
  result = { ms: performance.now() - started }
} else {
  throw new Error('usage: mergeChild.ts ours <merge.mjs> <folder> <out.xlsx> <report.json> | floor <folder> <out.xlsx>')
}
console.log(`\n${JSON.stringify({ ...result, maxRssKb: process.resourceUsage().maxRSS })}`)
