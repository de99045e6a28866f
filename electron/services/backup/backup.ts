/**
 * 备份 of a data folder: `createBackup` writes the whole folder (format.ts says what stays out) as one zip with a
 * manifest of sha256, durably; `verifyBackup` checks a backup without trusting it (zipReader.ts) and says in Chinese
 * which file of it is wrong. Restoring is restore.ts.
 *
 * The app may be running while a backup is made (the automatic backup runs inside it). Each file is read whole:
 * the durable JSON files are replaced by rename (durableJsonFile.ts), so a read sees one complete version. The
 * folders of files kept by content (`files/`: attachments, received files) are listed only after every index that
 * names them was read: their files are written before an index names them and never change, so every file an index
 * in the backup names is in the backup.
 */
import { randomBytes } from 'node:crypto'
import type { Dirent } from 'node:fs'
import { createReadStream } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import { lstat, open, readdir, readFile, rename, rm, statfs } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { promisify } from 'node:util'
import { deflateRaw } from 'node:zlib'
import { Zip, ZipPassThrough } from 'fflate'
import { AppFailure } from '@shared/ipc/result'
import { errno, retryBusy, sleep } from '../storage/busyRetry'
import { syncDir } from '../storage/durableJsonFile'
import type { BackupFile, BackupLimits, BackupManifest } from './format'
import {
  AUTO_BACKUP_DIR,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_LIMITS,
  BackupManifestSchema,
  chinaIso,
  compareVersions,
  DATA_PREFIX,
  isExcluded,
  KEPT_APART,
  MANIFEST_NAME,
  sameFileKey,
  sizeText,
  unsafeName
} from './format'
import type { ZipEntry } from './zipReader'
import { sha256Hasher, ZipProblem, ZipReader } from './zipReader'

const deflate = promisify(deflateRaw)
const U32_MAX = 0xffffffff
/** Room left on the disk beyond the backup itself. */
const DISK_MARGIN = 16 * 1024 * 1024

export interface CreateBackupOptions {
  appVersion: string
  now?: () => Date
  /** Stops between files (the app is closing); the temp file is removed and nothing is written. */
  signal?: AbortSignal
  /** Called after each file: how many of about how many. */
  progress?: (done: number, total: number) => void
  limits?: BackupLimits
}

export interface BackupSummary {
  /** The zip written. */
  file: string
  files: number
  /** The files' bytes, uncompressed. */
  bytes: number
  zipBytes: number
  /** sha256 of the zip file, hex. */
  sha256: string
  createdAt: string
  appVersion: string
}

interface DataFile {
  rel: string
  abs: string
  size: number
}

/** The zip entry of a file read and (unless it is kept by content) deflated before it is added. */
class Prepared extends ZipPassThrough {
  constructor(
    name: string,
    private readonly payload: Uint8Array,
    deflated: boolean,
    mtime: Date
  ) {
    super(name)
    this.compression = deflated ? 8 : 0
    this.mtime = mtime
  }

  // fflate hashes and counts the bytes pushed (the file's); the entry's data is the payload.
  protected override process(_chunk: Uint8Array, final: boolean): void {
    this.ondata(null, this.payload as Uint8Array<ArrayBuffer>, final)
  }
}

/**
 * A folder's entries, listed again while a save is between its two renames (`<name>.bak` there, `<name>` not: see
 * durableJsonFile.ts install), for up to a second; a folder removed meanwhile (when it may be) has none.
 */
async function stableListing(dir: string, mayBeGone: boolean): Promise<Dirent[]> {
  for (let attempt = 0; ; attempt++) {
    let dirents: Dirent[]
    try {
      dirents = await retryBusy(() => readdir(dir, { withFileTypes: true }))
    } catch (e) {
      if (errno(e) === 'ENOENT' && mayBeGone) return []
      throw e
    }
    const names = new Set(dirents.map((d) => d.name))
    const saving = dirents.some((d) => d.name.endsWith('.bak') && !names.has(d.name.slice(0, -'.bak'.length)))
    // Still so after a second: a save cut off there (recovery at the next start picks the newest copy).
    if (!saving || attempt >= 50) return dirents
    await sleep(20)
  }
}

/** A data folder's files, in the order they are backed up: everything else, then the folders kept by content. */
async function listFiles(root: string, relDir: string, deferContent: boolean, out: DataFile[], content: string[]): Promise<void> {
  const dirents = await stableListing(join(root, ...relDir.split('/').filter(Boolean)), relDir !== '')
  dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const d of dirents) {
    const rel = relDir ? `${relDir}/${d.name}` : d.name
    if (d.isDirectory()) {
      if (!relDir && (KEPT_APART as readonly string[]).includes(d.name)) continue
      if (deferContent && d.name === 'files') content.push(rel)
      else await listFiles(root, rel, deferContent, out, content)
    } else if (d.isFile() && !isExcluded(rel)) {
      const abs = join(root, ...rel.split('/'))
      // Gone already (renamed by a save)? Its read looks for it again (readStable).
      const size = await lstat(abs).then(
        (s) => s.size,
        () => 0
      )
      out.push({ rel, abs, size })
    }
    // Links and devices are not the program's files: left out.
  }
}

/** The files of a data folder as a backup would take them now. */
async function dataFiles(dataDir: string): Promise<{ first: DataFile[]; content: string[] }> {
  const first: DataFile[] = []
  const content: string[] = []
  await listFiles(dataDir, '', true, first, content)
  return { first, content }
}

/** Whether a backup of the folder would hold no file (a folder not used yet, or only logs and backups). */
export async function holdsNoData(dataDir: string): Promise<boolean> {
  if (!(await lstat(dataDir).then((s) => s.isDirectory(), () => false))) return true
  const { first, content } = await dataFiles(dataDir)
  return first.length === 0 && (await contentFiles(dataDir, content)).length === 0
}

async function contentFiles(dataDir: string, dirs: readonly string[]): Promise<DataFile[]> {
  const out: DataFile[] = []
  for (const d of dirs) await listFiles(dataDir, d, false, out, [])
  return out
}

/**
 * A file's bytes; null when it is gone. A durable file is briefly absent between its two renames (current → .bak,
 * temp → current): a missing file is looked for again for half a second before it counts as removed.
 */
async function readStable(path: string): Promise<Buffer | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await retryBusy(() => readFile(path), [path])
    } catch (e) {
      if (errno(e) !== 'ENOENT') throw e
      if (attempt >= 20) return null
      await sleep(25)
    }
  }
}

/** Writes all of `chunk` at the handle's position (a write may take less than it was given). */
export async function writeAll(h: FileHandle, chunk: Uint8Array): Promise<void> {
  for (let done = 0; done < chunk.length; ) {
    const { bytesWritten } = await h.write(chunk, done, chunk.length - done)
    if (bytesWritten === 0) throw new Error('write wrote nothing')
    done += bytesWritten
  }
}

function refuseInside(dataDir: string, outFile: string): void {
  const rel = relative(dataDir, outFile)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return
  if (rel.split(sep)[0] === AUTO_BACKUP_DIR) return
  throw new AppFailure('INVALID_INPUT', `备份文件不能保存在数据文件夹“${dataDir}”之内（下一次备份会把它也包括进去），请另选一个位置。`)
}

async function checkRoom(dir: string, need: number): Promise<void> {
  const fs = await statfs(dir).catch(() => undefined)
  if (!fs) return
  const free = Number(fs.bavail) * Number(fs.bsize)
  if (free < need + DISK_MARGIN) {
    throw new AppFailure('IO', `磁盘空间不足：备份约需 ${sizeText(need)}，“${dir}”所在的磁盘只剩 ${sizeText(free)}。请清理磁盘或另选一个位置后重试。`)
  }
}

const aborted = (): AppFailure => new AppFailure('INTERNAL', '备份已取消（程序正在关闭）。')

/**
 * Backs up the data folder into `outFile` (replaced if it exists): written to a temp file beside it, flushed,
 * checked as a restore would check it, then renamed into place and the folder flushed. When this resolves the
 * backup is on disk and whole; when it throws no file is left.
 */
export async function createBackup(dataDir: string, outFile: string, opt: CreateBackupOptions): Promise<BackupSummary> {
  const root = resolve(dataDir)
  const out = resolve(outFile)
  const limits = opt.limits ?? BACKUP_LIMITS
  const now = (opt.now ?? (() => new Date()))()
  refuseInside(root, out)
  if (!(await lstat(root).then((s) => s.isDirectory(), () => false))) {
    throw new AppFailure('NOT_FOUND', `数据文件夹“${root}”不存在，没有可备份的内容。`)
  }
  const { first, content } = await dataFiles(root)
  const estimate = [...first, ...(await contentFiles(root, content))]
  const estimatedBytes = estimate.reduce((n, f) => n + f.size, 0)
  checkTotals(estimate.length, estimatedBytes, limits, root, estimate.find((f) => f.size > limits.maxEntryBytes)?.rel)
  await checkRoom(dirname(out), estimatedBytes)

  const tmp = `${out}.${randomBytes(4).toString('hex')}.tmp`
  const h = await retryBusy(() => open(tmp, 'wx'), [tmp])
  let closed = false
  try {
    const zipHash = sha256Hasher()
    let zipBytes = 0
    let failure: Error | null = null
    const pending: Uint8Array[] = []
    const zip = new Zip((err, chunk) => {
      if (err) failure = err
      else pending.push(chunk)
    })
    const flush = async (): Promise<void> => {
      if (failure) throw failure
      for (const chunk of pending.splice(0)) {
        zipBytes += chunk.length
        if (zipBytes > U32_MAX) throw new AppFailure('IO', `备份超过 4 GB，本程序无法生成。`)
        zipHash.update(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))
        await writeAll(h, chunk)
      }
    }
    const files: BackupFile[] = []
    const seen = new Set<string>()
    let total = 0
    const add = async (f: DataFile): Promise<void> => {
      if (opt.signal?.aborted) throw aborted()
      checkTotals(files.length + 1, total + f.size, limits, root, f.size > limits.maxEntryBytes ? f.rel : undefined)
      const bytes = await readStable(f.abs)
      if (!bytes) return // removed since it was listed (a backup pruned meanwhile)
      total += bytes.length
      checkTotals(files.length + 1, total, limits, root, bytes.length > limits.maxEntryBytes ? f.rel : undefined)
      // Two names only a case apart are one file on Windows: such a backup could not be restored there.
      if (seen.has(sameFileKey(f.rel))) throw new AppFailure('IO', `数据文件夹中有两个只差大小写的文件名（“${f.rel}”），在 Windows 上无法恢复，备份未生成。请联系技术支持。`)
      seen.add(sameFileKey(f.rel))
      const hash = sha256Hasher()
      hash.update(bytes)
      files.push({ path: f.rel, size: bytes.length, sha256: hash.hex() })
      await addEntry(zip, `${DATA_PREFIX}${f.rel}`, bytes, !f.rel.split('/').includes('files'), now)
      await flush()
      opt.progress?.(files.length, Math.max(estimate.length, files.length))
    }
    for (const f of first) await add(f)
    // Listed again now, after every index that names them was read (see the file comment).
    for (const f of await contentFiles(root, content)) await add(f)

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: opt.appVersion,
      createdAt: chinaIso(now),
      files
    }
    await addEntry(zip, MANIFEST_NAME, Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`, 'utf8'), true, now)
    zip.end()
    await flush()
    await h.sync()
    await h.close()
    closed = true
    // What was written is read back as a restore would read it, before it takes the name of a backup.
    const check = await verifyBackup(tmp, { limits })
    if (!check.ok) throw new AppFailure('IO', `备份写入磁盘后校验失败（${check.message}），备份未保存。磁盘可能有问题，请换一个位置重试。`)
    await retryBusy(() => rename(tmp, out), [tmp, out])
    await syncDir(dirname(out))
    return { file: out, files: files.length, bytes: total, zipBytes, sha256: zipHash.hex(), createdAt: manifest.createdAt, appVersion: opt.appVersion }
  } catch (e) {
    if (!closed) await h.close().catch(() => undefined)
    await rm(tmp, { force: true }).catch(() => undefined)
    throw e
  }
}

function checkTotals(count: number, bytes: number, limits: BackupLimits, root: string, tooLarge?: string): void {
  if (tooLarge) {
    throw new AppFailure('IO', `数据文件夹中的文件“${tooLarge}”超过 ${sizeText(limits.maxEntryBytes)}，无法备份。请联系技术支持。`)
  }
  if (count > limits.maxEntries || bytes > limits.maxTotalBytes) {
    throw new AppFailure(
      'IO',
      `数据文件夹“${root}”有 ${count} 个文件、共 ${sizeText(bytes)}，超过备份的上限（${limits.maxEntries} 个文件、${sizeText(limits.maxTotalBytes)}），无法生成备份。请直接复制整个数据文件夹保存，并联系技术支持。`
    )
  }
}

/** Adds one file; a file kept by content (a photo, a PDF, a received workbook) is already compressed and is stored. */
async function addEntry(zip: Zip, name: string, bytes: Buffer, compress: boolean, mtime: Date): Promise<void> {
  let payload: Uint8Array = bytes
  let deflated = false
  if (compress && bytes.length > 0) {
    const packed = await deflate(bytes, { level: 6 })
    if (packed.length < bytes.length) {
      payload = packed
      deflated = true
    }
  }
  const entry = new Prepared(name, payload, deflated, mtime)
  zip.add(entry)
  entry.push(bytes as Uint8Array<ArrayBuffer>, true)
}

/** What a check of a backup found: its manifest and totals, or the Chinese sentence saying why it cannot be used. */
export type BackupCheck =
  | { ok: true; manifest: BackupManifest; files: number; bytes: number; zipBytes: number; sha256: string }
  | { ok: false; message: string; entry?: string }

export interface VerifyOptions {
  limits?: BackupLimits
  /** This program's version: a backup of a newer one is refused (before the files are read). */
  appVersion?: string
  progress?: (done: number, total: number) => void
}

/** Said after any reason a backup cannot be used. */
const USE_ANOTHER = '此备份不能用于恢复，请改用另一份备份（例如数据文件夹中“自动备份”里较早的一份）。'

/** The message a refused restore of a newer program's backup gives. */
export const newerVersionMessage = (backup: string, program: string): string =>
  `此备份由较新版本（${backup}）的程序生成，本程序为 ${program}，请先升级程序后再恢复。`

/** Where a file read out of a backup goes (restore.ts: a file of the folder being restored). */
export interface FileSink {
  chunk: (bytes: Buffer) => Promise<void> | void
  /** The file was whole and matched its manifest entry. */
  finish: () => Promise<void>
  /** It did not: release whatever was opened. */
  abort: () => Promise<void>
}

/** A backup opened and its manifest checked against its entries; nothing of its files read yet. */
export class OpenedBackup {
  private constructor(
    readonly zip: ZipReader,
    readonly manifest: BackupManifest,
    /** The manifest's file of each data entry, by entry name. */
    private readonly listed: ReadonlyMap<string, BackupFile>
  ) {}

  /** Opens `zipFile`; throws a ZipProblem (a fragment of a Chinese sentence, see problemMessage) when it is refused. */
  static async open(zipFile: string, opt: VerifyOptions = {}): Promise<OpenedBackup> {
    const limits = opt.limits ?? BACKUP_LIMITS
    const zip = await ZipReader.open(zipFile, limits)
    try {
      const m = zip.entries.find((e) => e.fileName === MANIFEST_NAME)
      if (!m) throw new ZipProblem('中没有清单（manifest.json），不是本程序生成的备份')
      if (m.uncompressedSize > limits.maxManifestBytes) throw new ZipProblem(`的清单（manifest.json）有 ${sizeText(m.uncompressedSize)}，超过上限，疑似异常文件`)
      const manifest = parseManifest(await zip.readAll(m))
      if (opt.appVersion !== undefined && (manifest.formatVersion > BACKUP_FORMAT_VERSION || compareVersions(manifest.appVersion, opt.appVersion) > 0)) {
        throw new VersionProblem(newerVersionMessage(manifest.appVersion, opt.appVersion))
      }
      if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
        throw new ZipProblem(`由较新版本（${manifest.appVersion}）的程序生成（备份格式第 ${manifest.formatVersion} 版），本程序无法读取，请先升级程序`)
      }
      return new OpenedBackup(zip, manifest, crossCheck(zip.entries, manifest))
    } catch (e) {
      await zip.close()
      throw e
    }
  }

  /** The manifest's file for a data entry; undefined for the manifest itself. */
  fileOf(e: ZipEntry): BackupFile | undefined {
    return this.listed.get(e.fileName)
  }

  /**
   * Reads every entry in file order, each data file also to the sink `open` gives for it (none: only checked), and
   * checks it against the manifest. Throws a ZipProblem naming the first file that is wrong; its sink is aborted,
   * those before it were finished.
   */
  async readAll(open?: (file: BackupFile) => Promise<FileSink>, progress?: (done: number, total: number) => void): Promise<void> {
    let done = 0
    for (const e of this.zip.entries) {
      const file = this.fileOf(e)
      if (!file) {
        await this.zip.read(e, () => undefined)
        continue
      }
      const hash = sha256Hasher()
      const out = await open?.(file)
      try {
        await this.zip.read(e, async (chunk) => {
          hash.update(chunk)
          await out?.chunk(chunk)
        })
        if (hash.hex() !== file.sha256) throw new ZipProblem(`中的文件“${file.path}”与清单记载的校验值（SHA-256）不符，备份生成后被改动过或已损坏`)
        await out?.finish()
      } catch (err) {
        await out?.abort()
        throw err
      }
      progress?.(++done, this.manifest.files.length)
    }
  }

  close(): Promise<void> {
    return this.zip.close()
  }
}

/** A backup of a newer program: refused with its own sentence, not as a damaged backup. */
export class VersionProblem extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'VersionProblem'
  }
}

function parseManifest(bytes: Buffer): BackupManifest {
  let json: unknown
  try {
    json = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new ZipProblem('的清单（manifest.json）不是有效的 JSON，不是本程序生成的备份或已损坏')
  }
  const format = (json as { format?: unknown } | null)?.format
  if (format !== BACKUP_FORMAT) throw new ZipProblem('不是本程序生成的数据备份（清单的格式不符）')
  const parsed = BackupManifestSchema.safeParse(json)
  if (!parsed.success) throw new ZipProblem('的清单（manifest.json）无法识别，不是本程序生成的备份或已损坏')
  return parsed.data
}

/** Every data entry is in the manifest with its size, and every file of the manifest is an entry. */
function crossCheck(entries: readonly ZipEntry[], manifest: BackupManifest): Map<string, BackupFile> {
  const byName = new Map(entries.map((e) => [e.fileName, e]))
  const listed = new Map<string, BackupFile>()
  const keys = new Set<string>()
  for (const f of manifest.files) {
    const unsafe = unsafeName(f.path)
    if (unsafe) throw new ZipProblem(`的清单中的文件名“${f.path}”${unsafe}，疑似伪造`)
    if (isExcluded(f.path)) throw new ZipProblem(`的清单中列有不应备份的文件“${f.path}”，疑似伪造`)
    if (keys.has(sameFileKey(f.path))) throw new ZipProblem(`的清单中文件“${f.path}”出现了两次，疑似伪造`)
    keys.add(sameFileKey(f.path))
    const name = `${DATA_PREFIX}${f.path}`
    const e = byName.get(name)
    if (!e) throw new ZipProblem(`中缺少清单所列的文件“${f.path}”，备份不完整或被改动过`)
    if (e.uncompressedSize !== f.size) throw new ZipProblem(`中的文件“${f.path}”的大小与清单记载的不符，备份生成后被改动过`)
    listed.set(name, f)
  }
  for (const e of entries) {
    const name = e.fileName
    if (name === MANIFEST_NAME || listed.has(name)) continue
    const what = name.startsWith(DATA_PREFIX) ? `中的文件“${name.slice(DATA_PREFIX.length)}”不在清单（manifest.json）中` : `中的条目“${name}”不是备份的组成部分`
    throw new ZipProblem(`${what}，备份生成后被改动过`)
  }
  return listed
}

/** The whole sentence for a problem of the backup `zipFile`. */
export function problemMessage(zipFile: string, e: ZipProblem): string {
  const where = e.entry === undefined ? '' : `中的条目“${e.entry}”`
  return `备份文件“${basename(zipFile)}”${where}${e.message}。${USE_ANOTHER}`
}

/**
 * Checks a backup as a restore would, reading every file of it (bounded memory): structure, manifest, sizes and
 * sha256; then hashes the whole zip file. With `appVersion`, a backup of a newer program is refused before its files
 * are read.
 */
export async function verifyBackup(zipFile: string, opt: VerifyOptions = {}): Promise<BackupCheck> {
  let backup: OpenedBackup | undefined
  try {
    backup = await OpenedBackup.open(zipFile, opt)
    await backup.readAll(undefined, opt.progress)
    const whole = sha256Hasher()
    for await (const chunk of createReadStream(zipFile)) whole.update(chunk as Buffer)
    const { manifest } = backup
    return { ok: true, manifest, files: manifest.files.length, bytes: manifest.files.reduce((n, f) => n + f.size, 0), zipBytes: backup.zip.fileSize, sha256: whole.hex() }
  } catch (e) {
    const refused = refusal(zipFile, e)
    if (refused) return refused
    throw e
  } finally {
    await backup?.close()
  }
}

/** The result of a check that refused the backup, or undefined when `e` is not about the backup. */
export function refusal(zipFile: string, e: unknown): { ok: false; message: string; entry?: string } | undefined {
  if (e instanceof VersionProblem) return { ok: false, message: e.message }
  if (e instanceof ZipProblem) return { ok: false, message: problemMessage(zipFile, e), ...(e.entry === undefined ? {} : { entry: e.entry }) }
  const code = errno(e)
  if (code === 'ENOENT') return { ok: false, message: `找不到备份文件“${zipFile}”，请检查文件名和位置。` }
  if (code === 'EISDIR') return { ok: false, message: `“${zipFile}”是文件夹，不是备份文件。请选择扩展名为 .zip 的备份文件。` }
  return undefined
}
