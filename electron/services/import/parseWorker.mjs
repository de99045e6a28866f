// SheetJS runs here, in a worker thread with its own heap limit that the caller kills after a watchdog timeout, so a
// hostile workbook (ReDoS, pathological XML, huge shared strings) can exhaust only this thread. A thread that parsed
// a file cleanly may be given the next one (parseInWorker.ts), so each parse starts from SheetJS's initial state.
//
// Plain JavaScript on purpose: the same file must load unchanged under tsx (the CLI), under vitest, and as a worker
// entry of the Electron main bundle. A .ts worker would need a TypeScript loader inside the thread, which only tsx
// provides; a .mjs file that imports nothing but 'xlsx' runs in all three. The shape it posts back is
// RawWorkbook (rawWorkbook.ts): primitives only, never a SheetJS object.
import { parentPort } from 'node:worker_threads'
import * as XLSX from 'xlsx'

// SheetJS reports recoverable oddities on the console; the import report is the only channel the user sees.
console.error = console.warn = console.log = () => {}

// SheetJS stores error values by their BIFF code.
const ERROR_TEXT = new Map([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA']
])

function isDateFormat(z) {
  const format = typeof z === 'number' ? XLSX.SSF.get_table()[z] : z
  return typeof format === 'string' && XLSX.SSF.is_date(format)
}

function isoOfDate(d) {
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : String(d)
}

function rawCell(c) {
  if (!c) return null
  const formula = typeof c.f === 'string' ? { formula: c.f } : {}
  switch (c.t) {
    case 'z':
      return c.f === undefined ? null : { t: 'z', v: null, ...formula }
    case 'e':
      return { t: 'e', v: ERROR_TEXT.get(c.v) ?? '#错误', ...formula }
    case 'n':
      return { t: 'n', v: Number(c.v), ...(isDateFormat(c.z) ? { date: true } : {}), ...formula }
    case 'b':
      return { t: 'b', v: Boolean(c.v), ...formula }
    case 'd':
      return { t: 'd', v: isoOfDate(c.v), ...formula }
    default:
      return { t: 's', v: c.v === undefined || c.v === null ? '' : String(c.v), ...formula }
  }
}

function rawSheet(ws, name, hidden, maxRows) {
  const rows = []
  let used = 0
  for (const row of ws?.['!data'] ?? []) {
    const cells = (row ?? []).map(rawCell)
    if (cells.some((c) => c !== null)) used++
    rows.push(cells)
  }
  if (used > maxRows) return { tooManyRows: used }
  while (rows.length > 0 && !rows[rows.length - 1].some((c) => c !== null)) rows.pop()
  const merges = (ws?.['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }))
  const hiddenRows = []
  ;(ws?.['!rows'] ?? []).forEach((r, i) => {
    if (r?.hidden) hiddenRows.push(i)
  })
  return { name: String(name), hidden: Boolean(hidden), rows, merges, hiddenRows }
}

// SheetJS keeps the number formats a workbook defines in one global table; a later file must not see them.
const builtInFormats = { ...XLSX.SSF.get_table() }

function resetFormats() {
  const table = XLSX.SSF.get_table()
  for (const id of Object.keys(table)) if (!(id in builtInFormats)) delete table[id]
  Object.assign(table, builtInFormats)
}

function parse({ bytes, maxRows }) {
  resetFormats()
  const wb = XLSX.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    type: 'buffer',
    dense: true,
    cellFormula: true,
    cellHTML: false,
    cellText: false,
    cellNF: true,
    cellStyles: true,
    cellDates: false,
    bookVBA: false,
    bookFiles: false,
    bookDeps: false
  })
  const sheets = []
  for (const [i, name] of wb.SheetNames.entries()) {
    const sheet = rawSheet(wb.Sheets[name], name, wb.Workbook?.Sheets?.[i]?.Hidden, maxRows)
    if (sheet.tooManyRows) {
      return { ok: false, code: 'TOO_MANY_ROWS', sheet: String(name), detail: String(sheet.tooManyRows) }
    }
    sheets.push(sheet)
  }
  return { ok: true, workbook: { date1904: Boolean(wb.Workbook?.WBProps?.date1904), sheets } }
}

parentPort.on('message', (job) => {
  try {
    parentPort.postMessage(parse(job))
  } catch (e) {
    const detail = String(e?.message ?? e).slice(0, 200)
    parentPort.postMessage({ ok: false, code: /password/i.test(detail) ? 'ENCRYPTED' : 'PARSE_FAILED', detail })
  }
})
