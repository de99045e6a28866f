/**
 * The daily log in the data folder (electron/services/appLog.ts): named by the date in China whatever the computer's
 * time zone, the last 30 days kept, a day's file bounded, and the CLI's bug path (exit 70) writing to it.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createAppLog, LOG_KEEP_DAYS } from '../../electron/services/appLog'
import { slwWith } from '../helpers/slwProcess'

const root = mkdtempSync(join(tmpdir(), 'slw-applog-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
let n = 0
/** A data folder of its own for each test. */
const dataFolder = (): string => join(root, `data${++n}`)

const zone = process.env['TZ']
afterEach(() => {
  if (zone === undefined) delete process.env['TZ']
  else process.env['TZ'] = zone
})

describe('the daily log', () => {
  it('is named by the date in China even when the computer runs on UTC', () => {
    process.env['TZ'] = 'UTC'
    const data = dataFolder()
    let now = new Date('2024-05-08T15:59:59.999Z') // 23:59:59.999 on 8 May in 临夏
    const log = createAppLog(data, { now: () => now })
    expect(log.bug('test', new Error('late'))).toBe(join(data, 'logs', '2024-05-08.log'))
    now = new Date('2024-05-08T16:00:00.000Z') // midnight: 9 May in 临夏, still 8 May in UTC
    expect(log.bug('test', new Error('early'))).toBe(join(data, 'logs', '2024-05-09.log'))
    expect(readdirSync(join(data, 'logs')).sort()).toEqual(['2024-05-08.log', '2024-05-09.log'])
    expect(readFileSync(join(data, 'logs', '2024-05-09.log'), 'utf8')).toMatch(/^\[2024-05-09 00:00:00\.000 \+08:00\] \[error\] test: Error: early\n\s+at /)
  })

  it(`keeps the last ${LOG_KEEP_DAYS} days and deletes only older files of its own`, () => {
    const data = dataFolder()
    const logs = join(data, 'logs')
    mkdirSync(logs, { recursive: true })
    const present = ['2024-04-09.log', '2024-04-09.old.log', '2024-04-10.log', '2024-05-08.log', 'main.log', 'notes.txt', '2024-01-01.txt']
    for (const name of present) writeFileSync(join(logs, name), 'x\n')
    createAppLog(data, { now: () => new Date('2024-05-09T02:00:00Z') }).info('started')
    // 10 April to 9 May: 30 days.
    expect(readdirSync(logs).sort()).toEqual(['2024-01-01.txt', '2024-04-10.log', '2024-05-08.log', '2024-05-09.log', 'main.log', 'notes.txt'])
  })

  it('moves a day grown past its size aside (electron-log maxSize), so a day holds at most twice that', () => {
    const data = dataFolder()
    const log = createAppLog(data, { now: () => new Date('2024-05-09T02:00:00Z'), maxFileBytes: 4096 })
    for (let i = 0; i < 60; i++) log.bug('test', new Error(`failure ${i}`), { unitId: 't005', text: 'x'.repeat(1000) })
    const logs = join(data, 'logs')
    expect(readdirSync(logs).sort()).toEqual(['2024-05-09.log', '2024-05-09.old.log'])
    for (const name of readdirSync(logs)) expect(statSync(join(logs, name)).size).toBeLessThan(4096 + 2048)
    expect(readFileSync(join(logs, '2024-05-09.log'), 'utf8')).toContain('failure 59')
  })

  it('writes a start line: version, app, data folder, platform', () => {
    const data = dataFolder()
    createAppLog(data, { now: () => new Date('2024-05-09T02:00:00Z') }).started('web')
    expect(readFileSync(join(data, 'logs', '2024-05-09.log'), 'utf8')).toMatch(
      new RegExp(`^\\[2024-05-09 10:00:00\\.000 \\+08:00\\] \\[info\\] 散乱污台账 \\d+\\.\\d+\\.\\d+ \\(web\\) started: data folder ${data.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}, ${process.platform} .+, Node ${process.versions.node}\\n$`)
    )
  })
})

describe('slw on a bug (exit 70)', () => {
  it('writes the stack to the log of its data folder and tells which file to send', async () => {
    const dir = mkdtempSync(join(root, 'cli-'))
    const data = join(dir, 'data')
    // The fault is planted from outside: stdout refuses to be written, which no command expects.
    const plant = join(dir, 'plant.mjs')
    writeFileSync(plant, "process.stdout.write = () => { throw new TypeError('bug planted by the test') }\n")
    writeFileSync(join(dir, 'a.csv'), '序号,名称\n1,甲\n')
    const r = await slwWith(['--import', pathToFileURL(plant).href], 'import', join(dir, 'a.csv'), '--unit', '八坊街道', '--data', data)
    expect(r.code, r.stderr).toBe(70)
    const [file, ...more] = readdirSync(join(data, 'logs'))
    expect(more).toEqual([])
    expect(file).toMatch(/^\d{4}-\d{2}-\d{2}\.log$/)
    const path = join(data, 'logs', file ?? '')
    expect(r.stderr).toContain(`请把日志文件“${path}”发给技术支持（错误已记录在其中）。`)
    const text = readFileSync(path, 'utf8')
    expect(text).toMatch(/\[error\] slw import --unit --data: TypeError: bug planted by the test\n\s+at /)
    // Option names, not their values.
    expect(text).not.toMatch(/a\.csv|八坊街道/)
  })
})
