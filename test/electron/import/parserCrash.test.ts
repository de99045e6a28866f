/**
 * A parser thread that throws outside the parser's own catch, or dies without answering, is a bug: the file is
 * refused as before, and the crash goes to the data folder's log with its stack and the file's name and size. A file
 * the parser refuses, or one that runs out of time, is the file's doing and leaves no trace. The parsers are
 * generated here, each doing one of these things.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { createAppLog } from '../../../electron/services/appLog'
import { isFileRefused } from '../../../electron/services/import/importResult'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'

const root = mkdtempSync(join(tmpdir(), 'slw-parser-crash-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** A parser entry whose answer to any file is `onMessage`. */
function parser(name: string, onMessage: string): URL {
  const file = join(root, `${name}.mjs`)
  writeFileSync(file, `import { parentPort } from 'node:worker_threads'\nparentPort.on('message', () => { ${onMessage} })\n`)
  return pathToFileURL(file)
}

const csv = Buffer.from('序号,名称\n1,甲\n')
const now = (): Date => new Date('2024-05-09T02:00:00Z')

async function readWith(parserUrl: URL, limits = {}): Promise<{ refused: boolean; log: string | null }> {
  const data = mkdtempSync(join(root, 'data-'))
  const result = await readAnnexWorkbook(csv, '八坊街道报送.csv', { parserUrl, limits, log: createAppLog(data, { now }) })
  const file = join(data, 'logs', '2024-05-09.log')
  return { refused: isFileRefused(result), log: existsSync(file) ? readFileSync(file, 'utf8') : null }
}

describe('a parser thread that crashes', () => {
  it('that throws: the file is refused and the log has the stack, the file name and size', async () => {
    const { refused, log } = await readWith(parser('throwing', "throw new TypeError('parser bug planted by the test')"))
    expect(refused).toBe(true)
    expect(log).toMatch(/\[error\] parser thread: TypeError: parser bug planted by the test\n\s+at .*throwing\.mjs/)
    expect(log).toContain(`input: {fileName: "八坊街道报送.csv", bytes: ${csv.length}}`)
  })

  it('that exits without answering: the file is refused and the log says so', async () => {
    const { refused, log } = await readWith(parser('exiting', 'process.exit(3)'))
    expect(refused).toBe(true)
    expect(log).toContain('[error] parser thread: Error: parser thread exited with code 3 before answering')
  })

  it('not when the parser refuses the file, nor when the file takes too long', async () => {
    const refusing = await readWith(parser('refusing', "parentPort.postMessage({ ok: false, code: 'PARSE_FAILED', detail: 'bad file' })"))
    expect(refusing).toEqual({ refused: true, log: null })
    const hanging = await readWith(parser('hanging', 'for (;;);'), { parseTimeoutMs: 300 })
    expect(hanging).toEqual({ refused: true, log: null })
  })
})
