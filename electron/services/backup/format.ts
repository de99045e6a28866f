/**
 * A backup of a data folder (issue 23): one .zip holding every file of the folder under `data/` and, last,
 * `manifest.json`, which names each file with its size and sha256. What a backup leaves out is decided here once,
 * for the writer and for the reader (which refuses a backup naming such a file).
 */
import { z } from 'zod'
import { chinaClock, chinaDate } from '@shared/domain/chinaTime'

export const BACKUP_FORMAT = 'slw-backup'
export const BACKUP_FORMAT_VERSION = 1
export const MANIFEST_NAME = 'manifest.json'
/** The folder the data folder's files are under inside the zip: no file of the folder can collide with the manifest. */
export const DATA_PREFIX = 'data/'

/**
 * The automatic backups, `<data folder>/自动备份/<YYYY-MM-DD>.zip`, and the copy kept before a restore
 * (`恢复前-<stamp>.zip`). A Chinese name, because it is the folder a clerk looks for; it is never backed up itself
 * (a backup holding the backups would double every day) and it stays with the data folder across a restore.
 */
export const AUTO_BACKUP_DIR = '自动备份'
/** The daily log (appLog.ts): the program's diary of this computer, not data; it too stays across a restore. */
export const LOGS_DIR = 'logs'
/** Folders at the top of the data folder that belong to this installation rather than to the data. */
export const KEPT_APART = [AUTO_BACKUP_DIR, LOGS_DIR] as const

const MiB = 1024 * 1024
const GiB = 1024 * MiB

/**
 * What a backup may hold. A zip without ZIP64 (fflate writes none) addresses at most 4 GiB, so the data itself is
 * capped below that with room for headers; files are streamed, so memory is bounded by one file, not by the total.
 */
export const BACKUP_LIMITS = {
  maxEntries: 100_000,
  /** One file: a 20,000-row ledger is ~70 MB, a received 报送包 at most 320 MiB. */
  maxEntryBytes: 1 * GiB,
  maxTotalBytes: 3.5 * GiB,
  maxManifestBytes: 64 * MiB
}
export type BackupLimits = typeof BACKUP_LIMITS

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)
const SemVer = z.string().max(64).regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/)

export const BackupFileSchema = z.object({
  /** Relative to the data folder, POSIX separators. */
  path: z.string().min(1).max(1024),
  size: z.number().int().min(0),
  sha256: Sha256
})
export type BackupFile = z.infer<typeof BackupFileSchema>

export const BackupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  appVersion: SemVer,
  /** China time, ISO 8601 with its offset: 2024-05-09T07:30:05+08:00. */
  createdAt: z.string().max(64),
  files: z.array(BackupFileSchema)
})
export type BackupManifest = z.infer<typeof BackupManifestSchema>

/** An instant as a China clock reads it, in ISO 8601 with the offset: 2024-05-09T07:30:05+08:00. */
export const chinaIso = (at: Date): string => `${chinaDate(at)}T${chinaClock(at)}+08:00`

/**
 * Whether a file of the data folder stays out of a backup: locks and their takeover claims (fileLock.ts), temp
 * files of writes not finished (`<name>.<generation>.<hex>.tmp` of durableJsonFile.ts, `<sha256>.<pid>.tmp` of
 * contentFile.ts, ours), probes of busyRetry.ts, and the folders kept apart. `path` is relative, POSIX.
 */
export function isExcluded(path: string): boolean {
  const [top] = path.split('/')
  if (path.includes('/') && (KEPT_APART as readonly string[]).includes(top ?? '')) return true
  const name = path.slice(path.lastIndexOf('/') + 1)
  return /\.lock$|\.lock\./.test(name) || name.endsWith('.tmp') || name.startsWith('.slw-probe-')
}

const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i

/**
 * Why an entry name would leave the folder it is restored into, or could not be created on Windows; null when it
 * is safe. Names are compared exactly: a backup is restored byte for byte, names included.
 */
export function unsafeName(name: string): string | null {
  if (name.length === 0) return '没有名字'
  if (name.includes('\\')) return '含有反斜杠（\\）'
  if (name.startsWith('/')) return '是绝对路径'
  if (/^[A-Za-z]:/.test(name)) return '带有盘符'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return '含有控制字符'
  if (/[<>:"|?*]/.test(name)) return '含有 Windows 不允许的字符'
  for (const part of name.split('/')) {
    if (part === '..' || part === '.') return '指向备份以外的位置（含有 .. 或 .）'
    if (part === '') return '含有空的文件夹名（可能是文件夹条目）'
    if (/[. ]$/.test(part) || WINDOWS_DEVICE.test(part)) return '是 Windows 不允许的文件名'
    if (Buffer.byteLength(part) > 255) return '文件名过长'
  }
  return null
}

/** The key under which two names are the same file on Windows and macOS (case-insensitive file systems). */
export const sameFileKey = (name: string): string => name.normalize('NFC').toLowerCase()

type Parsed = { core: number[]; pre: string[] }

function parseVersion(v: string): Parsed | null {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(v)
  if (!m) return null
  return { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ? m[4].split('.') : [] }
}

/**
 * Semantic-version order of a and b: negative when a is older. A pre-release is older than its release
 * (1.0.0-rc.1 < 1.0.0); build metadata does not count. A version that is not semver (a development build's
 * "test") counts as newer than any.
 */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a)
  const y = parseVersion(b)
  if (!x || !y) return (x ? -1 : 0) - (y ? -1 : 0)
  for (let i = 0; i < 3; i++) {
    const d = (x.core[i] as number) - (y.core[i] as number)
    if (d !== 0) return Math.sign(d)
  }
  if (x.pre.length === 0 || y.pre.length === 0) return (x.pre.length === 0 ? 1 : 0) - (y.pre.length === 0 ? 1 : 0)
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i]
    const q = y.pre[i]
    if (p === undefined || q === undefined) return p === undefined ? -1 : 1
    if (p === q) continue
    const pn = /^\d+$/.test(p)
    const qn = /^\d+$/.test(q)
    if (pn && qn) return Math.sign(Number(p) - Number(q))
    if (pn !== qn) return pn ? -1 : 1
    return p < q ? -1 : 1
  }
  return 0
}

/** 12.3 MB, for messages. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`
  if (bytes < MiB) return `${(bytes / 1024).toFixed(1)} KB`
  if (bytes < GiB) return `${(bytes / MiB).toFixed(1)} MB`
  return `${(bytes / GiB).toFixed(2)} GB`
}
