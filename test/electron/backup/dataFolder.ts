/**
 * A data folder as the program leaves it, made through the real stores: two units' ledgers (one saved on two days,
 * so it has a .bak and a daily backup), the office registry with received files, a unit's evidence, the profile and
 * the calendar; plus what a backup leaves out by design (a stale lock, a temp file of a write cut off, the logs,
 * the automatic backups).
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { defaultCampaign } from '@shared/campaign/campaign'
import { APP_VERSION } from '../../../electron/services/appInfo'
import { isExcluded } from '../../../electron/services/backup/format'
import { readSubmission } from '../../../electron/services/merge/readSubmission'
import { OfficeService } from '../../../electron/services/office/officeService'
import { DataDir } from '../../../electron/services/storage/ledgerStore'
import { sampleRecords } from '../export/sampleRecords'
import { mergeSetFiles } from '../office/officeFixture'

const evidence = (name: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence', name))

/** The clock the stores write with: day 1, then day 2 (the first save of a day keeps a copy of the day before). */
let clock = Date.parse('2024-05-09T01:00:00Z')
const now = (): Date => new Date((clock += 1000))

export async function makeDataFolder(dir: string): Promise<void> {
  const data = new DataDir(dir, { appVersion: APP_VERSION, campaign: defaultCampaign, now })
  try {
    await (await data.profile()).save({ unitId: 't005', filler: '马晓明', phone: '0930-6212345' })
    await (await data.calendar()).get()
    const bafang = await data.ledger('t005')
    const records = sampleRecords(4).map((r, i) => ({ id: `r${i}`, fields: r.fields }))
    await bafang.save({ unitId: 't005', baseGeneration: 0, changes: { upserts: records, deletes: [] } }, '马晓明')
    const hongyuan = await data.ledger('t006')
    const others = sampleRecords(3, '红园街道', '006', 11).map((r, i) => ({ id: `h${i}`, fields: r.fields }))
    await hongyuan.save({ unitId: 't006', baseGeneration: 0, changes: { upserts: others, deletes: [] } }, '马晓明')
    const files = await data.attachments('t005')
    await files.add({ recordId: 'r0', slot: '两断三清-断水', name: '断水.jpg', bytes: evidence('断水.jpg') }, '马晓明')
    await files.add({ recordId: 'r0', slot: '两断三清-断电', name: '断电.jpg', bytes: evidence('断电.jpg') }, '马晓明')
    await files.add({ recordId: 'r1', slot: '验收材料', name: '核查记录.pdf', bytes: evidence('两断三清核查记录.pdf') }, '马晓明')
    const office = new OfficeService(data, defaultCampaign, (b, name, at) => readSubmission(b, name, at, defaultCampaign), APP_VERSION, now, () => '2024-05-09')
    await office.intake.commit((await office.intake.stage(mergeSetFiles((f) => /八坊|红园/.test(f)))).stageId)
    // The next day's first save keeps yesterday's version in backups/.
    clock = Date.parse('2024-05-10T01:00:00Z')
    const again = sampleRecords(1, '八坊街道', '005', 3).map((r) => ({ id: 'r9', fields: r.fields }))
    await bafang.save({ unitId: 't005', baseGeneration: bafang.generation, changes: { upserts: again, deletes: [] } }, '马晓明')
  } finally {
    await data.close()
  }
  // Left out of a backup by design.
  const dead = JSON.stringify({ pid: 999_999_999, hostname: 'old-pc', startedAt: '2024-05-01T00:00:00.000Z' })
  writeFileSync(join(dir, 'units', 't006', 'ledger.json.lock.takeover-0123456789abcdef'), dead)
  writeFileSync(join(dir, 'units', 't005', 'ledger.json.7.0badc0de.tmp'), '{"format":"slw-ledger"')
  mkdirSync(join(dir, 'logs'), { recursive: true })
  writeFileSync(join(dir, 'logs', '2024-05-09.log'), '[2024-05-09 09:00:00.000 +08:00] [info] started\n')
}

/** Every file under `dir` (relative POSIX path → sha256), or those a backup holds (`backedUp`). */
export function snapshot(dir: string, backedUp = false): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name)
      if (statSync(path).isDirectory()) walk(path)
      else {
        const rel = relative(dir, path).split(sep).join('/')
        if (!backedUp || !isExcluded(rel)) out[rel] = createHash('sha256').update(readFileSync(path)).digest('hex')
      }
    }
  }
  walk(dir)
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)))
}

/** Byte-for-byte: every file's bytes, as a map. */
export function contents(dir: string, backedUp = true): Map<string, Buffer> {
  return new Map(Object.keys(snapshot(dir, backedUp)).map((rel) => [rel, readFileSync(join(dir, ...rel.split('/')))]))
}
