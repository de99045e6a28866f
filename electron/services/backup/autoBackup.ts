/**
 * 自动备份: once per China date the data folder is backed up into `<data folder>/自动备份/<YYYY-MM-DD>.zip`, and the
 * daily backups older than the last `keepDays` days are deleted. Only files of that exact name are ever deleted:
 * a 恢复前-….zip (restore.ts) or a file the clerk put there stays.
 *
 * The desktop app and the web mode schedule it (services.ts): a while after start, so it never competes with
 * opening the window, then hourly, so an app left open for days still makes each day's backup. It runs beside the
 * app's saves (see backup.ts on reading a folder in use) and never holds a lock.
 */
import { lstat, mkdir, readdir, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { chinaDate } from '@shared/domain/chinaTime'
import { AppFailure } from '@shared/ipc/result'
import type { AppLog } from '../appLog'
import type { BackupSummary } from './backup'
import { createBackup, holdsNoData } from './backup'
import type { BackupLimits } from './format'
import { AUTO_BACKUP_DIR } from './format'

export const AUTO_BACKUP_KEEP_DAYS = 7
/** How long after start the first automatic backup is made. */
export const AUTO_BACKUP_DELAY_MS = 60_000
/** How often an app left running looks whether the day's backup is made. */
export const AUTO_BACKUP_EVERY_MS = 3_600_000

const DAILY = /^(\d{4}-\d{2}-\d{2})\.zip$/
/** A temp file of a backup cut off (power cut): removed once it is this old (a running backup's is younger). */
const STALE_TEMP_MS = 86_400_000

export interface AutoBackupOptions {
  appVersion: string
  now?: () => Date
  keepDays?: number
  signal?: AbortSignal
  limits?: BackupLimits
}

export interface AutoBackupResult {
  /** Today's backup, when this call made it; null when it was there already or the folder holds no data. */
  created: BackupSummary | null
  /** The daily backups deleted as too old. */
  removed: string[]
}

/** The day's backup, if there is none yet, and the pruning of old ones. */
export async function autoBackup(dataDir: string, opt: AutoBackupOptions): Promise<AutoBackupResult> {
  const root = resolve(dataDir)
  const now = (opt.now ?? (() => new Date()))()
  const dir = join(root, AUTO_BACKUP_DIR)
  const today = chinaDate(now)
  const target = join(dir, `${today}.zip`)
  let created: BackupSummary | null = null
  const made = await lstat(target).then(
    () => true,
    () => false
  )
  if (!made && !(await holdsNoData(root))) {
    await mkdir(dir, { recursive: true })
    created = await createBackup(root, target, {
      appVersion: opt.appVersion,
      now: () => now,
      ...(opt.signal ? { signal: opt.signal } : {}),
      ...(opt.limits ? { limits: opt.limits } : {})
    })
  }
  return { created, removed: await prune(dir, today, opt.keepDays ?? AUTO_BACKUP_KEEP_DAYS, now) }
}

/** Deletes the daily backups before the last `keepDays` days (today included), and stale temp files. */
async function prune(dir: string, today: string, keepDays: number, now: Date): Promise<string[]> {
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - (keepDays - 1) * 86_400_000).toISOString().slice(0, 10)
  const removed: string[] = []
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const day = DAILY.exec(name)?.[1]
    const path = join(dir, name)
    if (day !== undefined && day < cutoff) {
      await rm(path, { force: true })
      removed.push(name)
    } else if (name.endsWith('.tmp')) {
      const age = await lstat(path).then((s) => now.getTime() - s.mtimeMs, () => 0)
      if (age > STALE_TEMP_MS) await rm(path, { force: true }).catch(() => undefined)
    }
  }
  return removed
}

export interface AutoBackupSchedule {
  delayMs?: number
  everyMs?: number
  keepDays?: number
}

export interface ScheduledBackups {
  /** Stops the schedule; a backup being written is cut off (its temp file removed) and waited for. */
  stop: () => Promise<void>
}

/**
 * Runs autoBackup `delayMs` after now, then every `everyMs`, in the background: never delays the caller, never
 * keeps the process alive, and a failure is only logged (a full disk is a warning, anything else a bug).
 */
export function scheduleAutoBackups(dataDir: string, opt: AutoBackupSchedule & { appVersion: string; log: AppLog; now?: () => Date }): ScheduledBackups {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | null = null
  const run = async (): Promise<void> => {
    try {
      const r = await autoBackup(dataDir, {
        appVersion: opt.appVersion,
        signal: controller.signal,
        ...(opt.now ? { now: opt.now } : {}),
        ...(opt.keepDays ? { keepDays: opt.keepDays } : {})
      })
      if (r.created) opt.log.info(`automatic backup ${r.created.file}: ${r.created.files} files, ${r.created.bytes} bytes, zip ${r.created.zipBytes} bytes, sha256 ${r.created.sha256}`)
      if (r.removed.length) opt.log.info(`automatic backups removed: ${r.removed.join(', ')}`)
    } catch (e) {
      if (controller.signal.aborted) return
      const code = (e as NodeJS.ErrnoException | null)?.code
      if (e instanceof AppFailure) opt.log.warn(`automatic backup not made: ${e.message}`)
      else if (code) opt.log.warn(`automatic backup not made: ${code} ${String(e)}`)
      else opt.log.bug('automatic backup', e)
    }
  }
  const schedule = (ms: number): void => {
    if (controller.signal.aborted) return
    timer = setTimeout(() => {
      running = run().finally(() => {
        running = null
        schedule(opt.everyMs ?? AUTO_BACKUP_EVERY_MS)
      })
    }, ms)
    timer.unref()
  }
  schedule(opt.delayMs ?? AUTO_BACKUP_DELAY_MS)
  return {
    stop: async () => {
      controller.abort()
      clearTimeout(timer)
      await running
    }
  }
}
