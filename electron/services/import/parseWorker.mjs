// @ts-check
// The parsers run here, in a worker thread with its own heap limit that the caller kills after a watchdog timeout, so a
// hostile workbook (ReDoS, pathological XML, huge shared strings) can exhaust only this thread. A thread that parsed
// a file cleanly may be given the next one (parseInWorker.ts), so each parse starts from SheetJS's initial state.
// The lean reader (xlsxReader.mjs) reads the common .xlsx, SheetJS (sheetjsReader.mjs) every other workbook, and
// csvReader.mjs a CSV.
//
// Plain JavaScript on purpose: the same file must load unchanged under tsx (the CLI), under vitest, and as a worker
// entry of the Electron main bundle. A .ts worker would need a TypeScript loader inside the thread, which only tsx
// provides; .mjs files that import nothing but 'xlsx', 'papaparse', 'fflate' and node: modules run in all three.
// What it posts back is a RawWorkbook (rawWorkbook.ts) in its wire form (wireWorkbook.mjs): primitives only, never a
// SheetJS object.
//
// Typed all the same: every .mjs here starts with `// @ts-check` and carries its types in JSDoc, which is the only
// declaration they have (the .ts side imports them from the .mjs), and `npm run typecheck` checks them as strictly
// as the TypeScript (tsconfig.worker.json).
/** @import { ParseJob, ParseOutcome, Posted } from './parseInWorker' */
/** @import { SheetCaps } from './sheetCaps.mjs' */
/** @import { ZipLimits } from './zipScan.mjs' */
import { parentPort } from 'node:worker_threads'
import { readCsv } from './csvReader.mjs'
import { isDateStyle, readWithSheetJS } from './sheetjsReader.mjs'
import { encodeWorkbook } from './wireWorkbook.mjs'
import { readXlsx } from './xlsxReader.mjs'
import { canonicalZip, scanZip } from './zipScan.mjs'

// SheetJS reports recoverable oddities on the console; the import report is the only channel the user sees.
console.error = console.warn = console.log = () => {}

/** @param {Buffer} buffer */
const isZip = (buffer) => buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50

/**
 * @param {ParseJob} job
 * @returns {Posted}
 */
function parse({ bytes, sheetCaps, zipLimits }) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const outcome = isZip(buffer) ? parseZip(buffer, sheetCaps, zipLimits) : readWithSheetJS(buffer, sheetCaps)
  return outcome.ok ? { ok: true, wire: encodeWorkbook(outcome.workbook) } : outcome
}

/**
 * A CSV job (`format: 'csv'`) is read as text, under the same thread limits as a workbook.
 * @param {ParseJob & { format: 'csv' }} job
 * @returns {Posted}
 */
function parseCsv({ bytes, fileName, sheetCaps }) {
  const outcome = readCsv(bytes, fileName, sheetCaps)
  return outcome.ok ? { ok: true, wire: encodeWorkbook(outcome.workbook) } : outcome
}

// What a workbook is read from: its XML parts (.xlsx and .ods alike) and the OpenDocument mimetype. Pictures and
// other binary parts are checked like every entry but not kept, nor handed to SheetJS.
/** @param {string} name */
const isWorkbookPart = (name) => /\.(xml|rels|vml)$/i.test(name) || name === 'mimetype'

// `zipLimits` caps what a zip container may inflate to (zipScan.mjs); every entry is checked before a parser runs,
// and the parsers read only the checked entries, never the original archive: SheetJS would find its own directory
// in it and inflate without a cap, outside this thread's heap limit.
// `sheetCaps` caps what its sheets may cost once read (sheetCaps.mjs).
/**
 * @param {Buffer} buffer
 * @param {SheetCaps} sheetCaps
 * @param {ZipLimits} zipLimits
 * @returns {ParseOutcome}
 */
function parseZip(buffer, sheetCaps, zipLimits) {
  const scan = scanZip(buffer, zipLimits, { keep: isWorkbookPart })
  if (!scan.ok) return scan
  return readXlsx(scan.inflated, sheetCaps, isDateStyle) ?? readWithSheetJS(canonicalZip(scan.inflated), sheetCaps)
}

const port = parentPort
if (!port) throw new Error('parseWorker.mjs runs only as a worker thread (parseInWorker.ts)')
/** @param {Posted} posted */
const post = (posted) => port.postMessage(posted)

port.on('message', (/** @type {ParseJob} */ job) => {
  // Rows read so far go to the caller as they come (the window shows them); the outcome is the last message.
  job.sheetCaps = { ...job.sheetCaps, onRows: (rows) => post({ progress: rows }) }
  try {
    post(job.format === 'csv' ? parseCsv(job) : parse(job))
  } catch (e) {
    const detail = String(/** @type {{ message?: unknown } | null | undefined} */ (e)?.message ?? e).slice(0, 200)
    post({ ok: false, code: /password/i.test(detail) ? 'ENCRYPTED' : 'PARSE_FAILED', detail })
  }
})
