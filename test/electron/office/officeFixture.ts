/** The office over a data folder, on a fixed clock and working date, and the merge set's files as the page sends them. */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { defaultCampaign } from '@shared/campaign/campaign'
import { readSubmission } from '../../../electron/services/merge/readSubmission'
import { OfficeService } from '../../../electron/services/office/officeService'
import { DataDir } from '../../../electron/services/storage/ledgerStore'

const mergeSet = resolve(import.meta.dirname, '../../fixtures/annex2/merge-set')

/** The merge set's workbooks whose names pass `keep`, base64 as uploaded. */
export function mergeSetFiles(keep: (name: string) => boolean = () => true): { fileName: string; data: string }[] {
  return readdirSync(mergeSet)
    .filter((f) => f.endsWith('.xlsx') && keep(f))
    .map((f) => ({ fileName: f, data: readFileSync(join(mergeSet, f)).toString('base64') }))
}

/** Opens the office over `dir`: files are received at `now`, deadlines judged on `today`. */
export function officeAt(dir: string, now: string, today: string): { data: DataDir; office: OfficeService } {
  const data = new DataDir(dir, { appVersion: 'test', campaign: defaultCampaign })
  const office = new OfficeService(data, defaultCampaign, (b, name, at) => readSubmission(b, name, at, defaultCampaign), 'test', () => new Date(now), () => today)
  return { data, office }
}
