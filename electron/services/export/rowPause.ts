import { reportProgress } from '../progress'

/**
 * Rows between two turns of the event loop while a long sheet is written. A streaming workbook hands each sheet to
 * its zip as the rows come, but the zip compresses (zlib, on the thread pool) only when the loop runs: without
 * these turns every sheet stays in memory uncompressed until the end, and the compression runs after the writing
 * instead of beside it. Fewer rows per turn keeps up with the zip; more costs turns.
 */
const ROWS_PER_TURN = 20

/** Awaited after row k (0-based) of a sheet is written; with the sheet's `total`, the rows written are the request's progress. */
export async function afterRow(k: number, total?: number): Promise<void> {
  if (k % ROWS_PER_TURN !== ROWS_PER_TURN - 1) return
  if (total !== undefined) reportProgress('写入表格', k + 1, total, '行')
  await new Promise((resolve) => setImmediate(resolve))
}
