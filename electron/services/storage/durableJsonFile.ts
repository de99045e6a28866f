/**
 * A lowdb adapter that survives killed processes, power cuts and virus scanners (guides/reliability.md §3.4).
 *
 * On disk one JSON object, meta first and payload last so the payload text can be sliced out and hashed as is:
 * {"format":…,"schemaVersion":N,"generation":G,"savedAt":…,"appVersion":…,"sha256":<hex of payload text>,"payload":…}
 *
 * A write goes to a fresh temp file that is fsynced and read back before it replaces the current file (which becomes
 * `.bak`); recovery picks the valid copy with the highest generation among the file, `.bak`, temp files and backups,
 * and never falls back to an empty state while any of them exists. Nothing is written that the loader would refuse:
 * every write first passes the loader's own schema (admit), so an acknowledged save is never rolled back at start.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { constants, copyFile, lstat, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'
import { z } from 'zod'
import { chinaDateTimeCn, chinaFileStamp } from '@shared/domain/chinaTime'
import type { Notice } from '@shared/ipc/contract'
import { AppFailure } from '@shared/ipc/result'
import { diskFailure, errno, retryBusy } from './busyRetry'

export type Migration = (payload: unknown) => unknown

/** Why a lockless reader skipped a file: a save renamed it between listing and reading. */
const GONE = '读取时已被移走'

export const READ_ONLY_MESSAGE = '此台账由更新版本的程序保存，为防止数据丢失，本程序只能查看，不能修改。请升级程序。'

export interface DurableJsonFileOptions<T> {
  /** Identifies the kind of file; a file of another format is never loaded. */
  format: string
  /** Version of the payload's shape that this program writes. */
  schemaVersion: number
  appVersion: string
  /** Returns the typed payload or throws (a zod `parse`). */
  validate: (payload: unknown) => T
  /** migrations[i] turns a version i+1 payload into version i+2; pure functions. */
  migrations: readonly Migration[]
  /**
   * The payload as UTF-8 JSON, possibly in pieces; lets a caller reuse the bytes of unchanged parts. Default:
   * JSON.stringify.
   */
  encode?: (data: T) => Buffer[]
  /**
   * Throws when the loader would not give `data` back: run before every write. Default: the encoded payload parsed
   * and validated exactly as at load. A store may give a cheaper equivalent (the ledger checks only records it has
   * not checked before); an AppFailure it throws reaches the user as it is.
   */
  admit?: (data: T) => void
  /** What the user calls this file in messages, e.g. 台账文件. */
  label?: string
  now?: () => Date
  /**
   * Read without the write lock (a command that only reads, while the app may be saving): recovery changes no
   * file, and the file refuses writes.
   */
  readOnly?: boolean
}

interface Meta {
  format: string
  schemaVersion: number
  generation: number
  savedAt: string
  appVersion: string
  sha256: string
}

type Kind = 'main' | 'bak' | 'tmp' | 'backup'

interface Candidate {
  path: string
  kind: Kind
  meta?: Meta
  /** Why the file cannot be used, in Chinese; set once it has failed a check. */
  bad?: string
}

/** A file read whole whose meta and hash are already known to be good. */
interface Checked {
  buf: Buffer
  payload: Buffer
}

interface Loaded<T> {
  candidate: Candidate & { meta: Meta }
  bytes: Buffer
  data: T
}

const PAYLOAD_KEY = Buffer.from(',"payload":')
const FORMAT_KEY = Buffer.from('{"format":')
const HEAD_MAX = 4096
const CLOSE_BRACE = 0x7d
const CLOSE = Buffer.from('}')
const BACKUPS_KEPT = 20
const DAILY_BACKUP_DAYS = 90
const KIND_ORDER: Record<Kind, number> = { main: 0, bak: 1, tmp: 2, backup: 3 }


/**
 * Writes the pieces in order with as few syscalls as possible (writev takes at most IOV_MAX buffers) and without
 * joining them: a 70 MB Buffer.concat per save costs more in copying and GC than the disk write itself.
 */
async function writePieces(handle: FileHandle, pieces: readonly Buffer[]): Promise<void> {
  let pos = 0
  let i = 0
  let skip = 0 // bytes of pieces[i] already written
  while (i < pieces.length) {
    const batch = [(pieces[i] as Buffer).subarray(skip), ...pieces.slice(i + 1, i + 1024)]
    let { bytesWritten } = await handle.writev(batch, pos)
    if (bytesWritten === 0 && batch.some((b) => b.length > 0)) throw new Error('writev wrote nothing')
    pos += bytesWritten
    while (i < pieces.length) {
      const left = (pieces[i] as Buffer).length - skip
      if (bytesWritten < left) {
        skip += bytesWritten
        break
      }
      bytesWritten -= left
      i++
      skip = 0
    }
  }
}

/** True when the file holds exactly the pieces: read back in chunks and compared byte for byte. */
async function holdsExactly(path: string, pieces: readonly Buffer[]): Promise<boolean> {
  const total = pieces.reduce((n, p) => n + p.length, 0)
  const h = await retryBusy(() => open(path, 'r'), [path])
  try {
    if ((await h.stat()).size !== total) return false
    const chunk = Buffer.allocUnsafe(Math.min(total, 4 << 20))
    let pi = 0
    let po = 0
    for (let pos = 0; pos < total; ) {
      const { bytesRead } = await h.read(chunk, 0, Math.min(chunk.length, total - pos), pos)
      if (bytesRead === 0) return false
      for (let at = 0; at < bytesRead; ) {
        const piece = pieces[pi] as Buffer
        const m = Math.min(piece.length - po, bytesRead - at)
        if (!chunk.subarray(at, at + m).equals(piece.subarray(po, po + m))) return false
        at += m
        po += m
        if (po === piece.length) {
          pi++
          po = 0
        }
      }
      pos += bytesRead
    }
    return true
  } finally {
    await h.close()
  }
}

/** Makes the new directory entries (renames) durable. Windows cannot open a directory for fsync (EPERM). */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const h = await open(dir, 'r')
  try {
    await h.sync()
  } finally {
    await h.close()
  }
}

/** Copies a file and flushes the copy; never overwrites an existing file. */
async function copyDurably(from: string, to: string): Promise<void> {
  await retryBusy(() => copyFile(from, to, constants.COPYFILE_EXCL), [from, to])
  const h = await retryBusy(() => open(to, 'r+'), [to]) // FlushFileBuffers needs a writable handle on Windows
  try {
    await h.sync()
  } finally {
    await h.close()
  }
}

/** `path`, or `path-2`, `path-3` … when it is taken (rename would silently replace it on POSIX). */
async function freePath(path: string, suffix = ''): Promise<string> {
  for (let i = 1; ; i++) {
    const p = i === 1 ? path + suffix : `${path}-${i}${suffix}`
    try {
      await lstat(p)
    } catch (e) {
      if (errno(e) === 'ENOENT') return p
      throw e
    }
  }
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir)
  } catch (e) {
    if (errno(e) === 'ENOENT') return []
    throw e
  }
}

function parseMeta(head: Buffer): Meta | undefined {
  try {
    const m = JSON.parse(head.toString('utf8') + '}') as Partial<Meta>
    const ok =
      typeof m.format === 'string' &&
      Number.isInteger(m.schemaVersion) &&
      Number.isInteger(m.generation) &&
      typeof m.savedAt === 'string' &&
      typeof m.appVersion === 'string' &&
      typeof m.sha256 === 'string' &&
      /^[0-9a-f]{64}$/.test(m.sha256)
    return ok ? (m as Meta) : undefined
  } catch {
    return undefined
  }
}

/** The meta at the start of a file, or why there is none. */
function readMeta(bytes: Buffer, format: string): Meta | string {
  if (bytes.length === 0) return '文件为空'
  const sep = bytes.subarray(0, HEAD_MAX).indexOf(PAYLOAD_KEY)
  if (sep < 0) {
    if (bytes.every((b) => b === 0)) return '内容全为零，可能是断电时未写入磁盘'
    return bytes.subarray(0, FORMAT_KEY.length).equals(FORMAT_KEY) ? '内容不完整' : '内容无法识别'
  }
  const meta = parseMeta(bytes.subarray(0, sep))
  if (!meta) return '内容无法识别'
  if (meta.format !== format) return '不是本程序保存的此类文件'
  return meta
}

/** The payload bytes of a whole file whose meta was read, or why they cannot be trusted. */
function payloadBytes(bytes: Buffer, meta: Meta): Buffer | string {
  const start = bytes.subarray(0, HEAD_MAX).indexOf(PAYLOAD_KEY) + PAYLOAD_KEY.length
  if (bytes[bytes.length - 1] !== CLOSE_BRACE) return '内容不完整'
  const payload = bytes.subarray(start, bytes.length - 1)
  if (createHash('sha256').update(payload).digest('hex') !== meta.sha256) return '内容不完整或已被改动（校验不符）'
  return payload
}

export class DurableJsonFile<T> implements Adapter<T> {
  /** Generation of the file on disk (0: nothing saved yet). */
  generation = 0
  savedAt: string | null = null
  /** The file was written by a newer program: it is shown but never overwritten. */
  readOnly = false
  notices: Notice[] = []

  private readonly dir: string
  private readonly name: string
  private readonly label: string
  private readonly now: () => Date
  private nextGeneration = 1
  /** The file at `path` is one this instance read or wrote and verified. */
  private currentValid = false
  private backupDay: string | null = null
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    readonly path: string,
    private readonly opt: DurableJsonFileOptions<T>
  ) {
    if (opt.migrations.length !== opt.schemaVersion - 1) {
      throw new Error(`DurableJsonFile: ${opt.migrations.length} migrations for schema version ${opt.schemaVersion}`)
    }
    this.dir = dirname(path)
    this.name = basename(path)
    this.label = opt.label ?? '数据文件'
    this.now = opt.now ?? (() => new Date())
  }

  get backupsDir(): string {
    return join(this.dir, 'backups')
  }

  read(): Promise<T | null> {
    return this.enqueue(() => (this.opt.readOnly ? this.inspect() : this.recover()), `${this.label} ${this.name} 无法打开`)
  }

  write(data: T): Promise<void> {
    return this.enqueue(() => this.save(data), `${this.label}的修改未能保存，修改仍保留在窗口中`)
  }

  /** Copies the current file to `backups/<name>.<label>-<time>.json`, e.g. before an import; null if none yet. */
  snapshot(label: string): Promise<string | null> {
    return this.enqueue(() => this.copyToBackups(`${label}-${chinaFileStamp(this.now())}`), `${this.label}未能备份`)
  }

  /** Runs `op` after the operations before it; a failure of the disk is told as `outcome` and its cause. */
  private enqueue<R>(op: () => Promise<R>, outcome: string): Promise<R> {
    const run = this.queue.then(op).catch((e: unknown) => {
      throw diskFailure(e, this.path, outcome)
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  private async save(data: T): Promise<void> {
    if (this.readOnly) throw new AppFailure('READ_ONLY', READ_ONLY_MESSAGE)
    const payload = this.opt.encode ? this.opt.encode(data) : [Buffer.from(JSON.stringify(data) ?? 'null', 'utf8')]
    this.admit(data, payload)
    const now = this.now()
    const generation = this.nextGeneration++ // a failed attempt never hands its number to different content
    await mkdir(this.dir, { recursive: true })
    if (this.currentValid && this.backupDay !== chinaFileStamp(now).slice(0, 8)) await this.dailyBackup(now)
    await this.install(this.serialise(payload, generation, now.toISOString()), generation)
    this.generation = generation
    this.savedAt = now.toISOString()
  }

  /** Refuses, before anything is written, a payload the loader would not take back (see DurableJsonFileOptions.admit). */
  private admit(data: T, payload: readonly Buffer[]): void {
    try {
      if (this.opt.admit) this.opt.admit(data)
      else this.opt.validate(JSON.parse(Buffer.concat(payload).toString('utf8')))
    } catch (e) {
      if (e instanceof AppFailure) throw e
      throw new AppFailure(
        'INVALID_INPUT',
        `要保存的内容有${this.label}不能保存的值（${schemaProblem(e)}），未保存，${this.label}保持原样。请改正后重试。`,
        [String(e)]
      )
    }
  }

  /** Encodes once: the payload bytes are hashed and written as they are. */
  private serialise(pieces: readonly Buffer[], generation: number, savedAt: string): Buffer[] {
    const hash = createHash('sha256')
    for (const p of pieces) hash.update(p)
    const sha256 = hash.digest('hex')
    const meta: Meta = { format: this.opt.format, schemaVersion: this.opt.schemaVersion, generation, savedAt, appVersion: this.opt.appVersion, sha256 }
    const head = JSON.stringify(meta).slice(0, -1)
    return [Buffer.from(head, 'utf8'), PAYLOAD_KEY, ...pieces, CLOSE]
  }

  /**
   * Makes `bytes` the current file: temp file, fsync, read back, current → .bak, temp → file, fsync the directory.
   * When this resolves the content is on disk; when it throws the previous file is still there (as file or .bak).
   */
  private async install(pieces: readonly Buffer[], generation: number, existingTmp?: string): Promise<void> {
    const tmp = existingTmp ?? join(this.dir, `${this.name}.${generation}.${randomBytes(4).toString('hex')}.tmp`)
    let placed = false
    try {
      if (!existingTmp) {
        const h = await retryBusy(() => open(tmp, 'wx'), [tmp])
        try {
          await writePieces(h, pieces)
          await h.sync()
        } finally {
          await h.close()
        }
        // Catches a short write (disk full) or a scanner that altered the file before we trust it.
        if (!(await holdsExactly(tmp, pieces))) {
          throw new AppFailure('IO', '保存后校验失败：写入磁盘的内容不完整（磁盘可能已满），修改未能保存。修改仍保留在窗口中，请清理磁盘后重试。')
        }
      }
      if (this.currentValid) {
        await retryBusy(() => rename(this.path, `${this.path}.bak`), [this.path, `${this.path}.bak`])
        this.currentValid = false
      }
      await retryBusy(() => rename(tmp, this.path), [tmp, this.path])
      placed = true
      this.currentValid = true
      await syncDir(this.dir)
    } catch (e) {
      // Our own unplaced temp file goes (best effort, not retried: recovery ignores or removes a leftover one); one
      // found at recovery stays, it may be the newest copy there is.
      if (!placed && !existingTmp) await rm(tmp, { force: true }).catch(() => undefined)
      throw e
    }
  }

  /** The first save of each calendar day keeps a copy of the previous version. */
  private async dailyBackup(now: Date): Promise<void> {
    const day = chinaFileStamp(now).slice(0, 8)
    const daily = new RegExp(`^${escapeRe(this.name)}\\.${day}-\\d{6}\\.g\\d+\\.json$`)
    if (!(await listDir(this.backupsDir)).some((f) => daily.test(f))) {
      await this.copyToBackups(`${chinaFileStamp(now)}.g${this.generation}`)
    }
    this.backupDay = day
  }

  private async copyToBackups(tag: string): Promise<string | null> {
    if (!this.currentValid) return null
    await mkdir(this.backupsDir, { recursive: true })
    const to = await freePath(join(this.backupsDir, `${this.name}.${tag}`), '.json')
    await copyDurably(this.path, to)
    await syncDir(this.backupsDir)
    await this.pruneBackups()
    return to
  }

  /** Keeps the 20 most recent backups and the first of each day for 90 days. */
  private async pruneBackups(): Promise<void> {
    const stamped = (await listDir(this.backupsDir))
      .filter((f) => f.startsWith(`${this.name}.`) && f.endsWith('.json'))
      .map((f) => ({ f, ts: /(\d{8}-\d{6})/.exec(f.slice(this.name.length))?.[1] ?? '' }))
      .filter((b) => b.ts)
      .sort((a, b) => (a.ts === b.ts ? b.f.localeCompare(a.f) : b.ts.localeCompare(a.ts)))
    const keep = new Set(stamped.slice(0, BACKUPS_KEPT).map((b) => b.f))
    const cutoff = chinaFileStamp(new Date(this.now().getTime() - DAILY_BACKUP_DAYS * 86_400_000))
    const firstOfDay = new Map<string, string>()
    for (const b of stamped) if (b.ts >= cutoff) firstOfDay.set(b.ts.slice(0, 8), b.f) // sorted newest first
    for (const f of firstOfDay.values()) keep.add(f)
    for (const b of stamped) {
      const path = join(this.backupsDir, b.f)
      if (!keep.has(b.f)) await retryBusy(() => rm(path, { force: true }), [path])
    }
  }

  private async candidates(): Promise<Candidate[]> {
    const tmp = new RegExp(`^${escapeRe(this.name)}\\.\\d+\\.[0-9a-f]+\\.tmp$`)
    const found: Candidate[] = []
    for (const f of await listDir(this.dir)) {
      const kind: Kind | undefined = f === this.name ? 'main' : f === `${this.name}.bak` ? 'bak' : tmp.test(f) ? 'tmp' : undefined
      if (kind) found.push({ path: join(this.dir, f), kind })
    }
    for (const f of await listDir(this.backupsDir)) {
      if (f.startsWith(`${this.name}.`) && f.endsWith('.json')) found.push({ path: join(this.backupsDir, f), kind: 'backup' })
    }
    return found
  }

  /**
   * A reader without the lock may find that a file it listed was renamed away by a save meanwhile: that file is
   * skipped (undefined) rather than an error; a writer never sees this.
   */
  private async unlessGone<R>(read: () => Promise<R>): Promise<R | undefined> {
    try {
      return await read()
    } catch (e) {
      if (this.opt.readOnly && errno(e) === 'ENOENT') return undefined
      throw e
    }
  }

  /** Reads a file whole and checks its meta and hash; records why when they fail. */
  private async check(c: Candidate): Promise<Checked | undefined> {
    const buf = await this.unlessGone(() => retryBusy(() => readFile(c.path), [c.path]))
    if (!buf) return void (c.bad = GONE)
    const meta = readMeta(buf, this.opt.format)
    if (typeof meta === 'string') return void (c.bad = meta)
    c.meta = meta
    const payload = payloadBytes(buf, meta)
    if (typeof payload === 'string') return void (c.bad = payload)
    return { buf, payload }
  }

  /** Full check of one candidate: meta, hash, JSON, migrations, the caller's schema. */
  private async load(c: Candidate, checked?: Checked): Promise<Loaded<T> | undefined> {
    const ok = checked ?? (await this.check(c))
    if (!ok) return undefined
    const { buf, payload } = ok
    const meta = c.meta as Meta
    let data: unknown
    try {
      data = JSON.parse(payload.toString('utf8'))
    } catch {
      return void (c.bad = '内容无法解析')
    }
    if (meta.schemaVersion > this.opt.schemaVersion) {
      try {
        return { candidate: c as Loaded<T>['candidate'], bytes: buf, data: this.opt.validate(data) }
      } catch {
        // Not damaged, just beyond this program: never quarantined, never replaced.
        throw new AppFailure(
          'READ_ONLY',
          `${this.label} ${this.name} 由更新版本的程序保存（数据格式第 ${meta.schemaVersion} 版），本程序无法打开。为防止数据丢失，没有改动任何文件。请升级程序。`
        )
      }
    }
    try {
      for (let v = Math.max(meta.schemaVersion, 1); v < this.opt.schemaVersion; v++) data = (this.opt.migrations[v - 1] as Migration)(data)
      return { candidate: c as Loaded<T>['candidate'], bytes: buf, data: this.opt.validate(data) }
    } catch {
      c.bad = meta.schemaVersion < this.opt.schemaVersion ? '无法升级为当前数据格式' : '内容不符合数据格式'
      return undefined
    }
  }

  /** Recovery at start (see the file comment). */
  private async recover(): Promise<T | null> {
    this.notices = []
    this.readOnly = false
    this.currentValid = false
    this.generation = 0
    this.savedAt = null
    const all = await this.candidates()
    if (all.length === 0) return null

    // Files next to the main file are checked whole (they must be, to quarantine them); backups only when needed.
    const checked = new Map<Candidate, Checked>()
    for (const c of all) {
      if (c.kind !== 'backup') {
        const ok = await this.check(c)
        if (ok) checked.set(c, ok)
        continue
      }
      const head = await this.unlessGone(() => retryBusy(() => readHead(c.path), [c.path]))
      const meta = head ? readMeta(head, this.opt.format) : GONE
      if (typeof meta === 'string') c.bad = meta
      else c.meta = meta
    }
    const ordered = all
      .filter((c) => !c.bad)
      .sort((a, b) => (b.meta?.generation ?? 0) - (a.meta?.generation ?? 0) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
    let chosen: Loaded<T> | undefined
    for (const c of ordered) {
      chosen = await this.load(c, checked.get(c))
      if (chosen) break
    }
    const broken = all.filter((c) => c.bad && c.kind !== 'backup')

    // A lockless reader that lost the main file or its .bak to a save in progress may hold an older version: look again.
    if (all.some((c) => c.bad === GONE && (!chosen || c.kind === 'main' || c.kind === 'bak'))) {
      throw Object.assign(new Error(`${this.path}: moved by a save while read`), { code: 'ENOENT' })
    }
    if (!chosen) {
      // Only unfinished temp files of a very first save: nothing was ever acknowledged, so the file is new.
      if (all.every((c) => c.kind === 'tmp')) {
        if (this.opt.readOnly) return null
        for (const c of broken) await this.quarantine(c, '')
        return null
      }
      const list = all.map((c) => `${c.kind === 'backup' ? 'backups/' : ''}${basename(c.path)}（${c.bad ?? '无法使用'}）`)
      throw new AppFailure(
        'UNRECOVERABLE',
        `${this.label} ${this.name} 及其全部备份都已损坏，无法打开：${list.join('、')}。为防止数据丢失，程序没有删除或改动任何文件。` +
          `请把文件夹 ${this.dir} 整体复制保存，并联系技术支持。`,
        list
      )
    }

    const { candidate, data } = chosen
    const meta = candidate.meta
    if (this.opt.readOnly) {
      this.generation = meta.generation
      this.savedAt = meta.savedAt
      this.readOnly = true
      return data
    }
    const restored = `${chinaDateTimeCn(meta.savedAt)} 保存的版本（第 ${meta.generation} 次保存）`
    const main = all.find((c) => c.kind === 'main')
    for (const c of broken) await this.quarantine(c, restored)
    if (candidate.kind !== 'main') {
      this.currentValid = !!main && !main.bad
      await this.install([chosen.bytes], meta.generation, candidate.kind === 'tmp' ? candidate.path : undefined)
      if (candidate.kind === 'backup' && !main) {
        this.notices.push({ level: 'warning', message: `${this.label} ${this.name} 不存在，已从备份恢复为 ${restored}。请核对最近的修改是否都在。` })
      } else if (!main?.bad) {
        this.notices.push({ level: 'info', message: `上次保存时程序意外中断，${this.label} ${this.name} 已自动恢复为 ${restored}。` })
      }
    }
    this.currentValid = true
    // Complete temp files of lower generation are saves that were superseded before they were installed.
    for (const c of all) if (c.kind === 'tmp' && !c.bad && c !== candidate) await retryBusy(() => rm(c.path, { force: true }), [c.path])

    this.generation = meta.generation
    this.nextGeneration = meta.generation + 1
    this.savedAt = meta.savedAt
    if (meta.schemaVersion > this.opt.schemaVersion) {
      this.readOnly = true
      this.notices.push({
        level: 'warning',
        message: `${this.label} ${this.name} 由更新版本的程序（${meta.appVersion}）保存，本程序只能查看，不能修改。请升级程序。`
      })
    } else if (meta.schemaVersion < this.opt.schemaVersion) {
      const snap = await this.copyToBackups(`pre-migrate-v${meta.schemaVersion}-${chinaFileStamp(this.now())}`)
      await this.save(data)
      this.notices.push({
        level: 'info',
        message: `${this.label} ${this.name} 的数据格式已由第 ${meta.schemaVersion} 版升级为第 ${this.opt.schemaVersion} 版；升级前的文件已备份为 backups/${basename(snap ?? '')}。`
      })
    }
    return data
  }

  /**
   * Recovery's choice without its repairs, for a reader without the lock. A save running meanwhile may rename every
   * file it listed before it read one; the next look finds that save's result.
   */
  private async inspect(): Promise<T | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.recover()
      } catch (e) {
        if (errno(e) !== 'ENOENT' || attempt >= 9) throw e
        await new Promise((r) => setTimeout(r, 20))
      }
    }
  }

  /** Renames a damaged file aside (never deletes it) and tells the user what was loaded instead. */
  private async quarantine(c: Candidate, restored: string): Promise<void> {
    const to = basename(await freePath(`${c.path}.corrupt-${chinaFileStamp(this.now())}`))
    const aside = join(dirname(c.path), to)
    await retryBusy(() => rename(c.path, aside), [c.path, aside])
    if (c.kind === 'main') {
      this.notices.push({
        level: 'warning',
        message: `${this.label} ${this.name} 已损坏（${c.bad}），已自动恢复为 ${restored}；损坏的文件已另存为 ${to}，未删除。`
      })
    } else if (c.kind === 'bak') {
      this.notices.push({ level: 'warning', message: `${this.label}的上一版本 ${basename(c.path)} 已损坏（${c.bad}），已另存为 ${to}，未删除；当前内容不受影响。` })
    } else {
      this.notices.push({ level: 'info', message: `上次保存未完成（程序意外退出），未完成的临时文件已另存为 ${to}，未删除；此前已保存的内容不受影响。` })
    }
  }
}

const zhCN = z.locales.zhCN().localeError

/** Where and why a payload fails its schema, in Chinese (zod's own zh-CN wording). */
export function schemaProblem(e: unknown): string {
  if (!(e instanceof z.ZodError)) return e instanceof Error ? e.message : String(e)
  const issue = e.issues[0]
  if (!issue) return '内容不符合数据格式'
  const said = zhCN(issue as Parameters<typeof zhCN>[0])
  const text = typeof said === 'string' ? said : (said?.message ?? issue.message)
  return issue.path.length ? `${issue.path.join('.')}：${text}` : text
}

async function readHead(path: string): Promise<Buffer> {
  const h = await open(path, 'r')
  try {
    const buf = Buffer.alloc(HEAD_MAX)
    const { bytesRead } = await h.read(buf, 0, HEAD_MAX, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await h.close()
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
