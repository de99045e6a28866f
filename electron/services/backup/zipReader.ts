/**
 * Reads a backup zip from its file with yauzl, never whole: the directory is read entry by entry and each entry is
 * streamed, so a backup of gigabytes costs a few megabytes of memory. yauzl checks the structure, refuses names that
 * climb out of the folder, and stops an entry that inflates beyond its declared size; here are added what a backup
 * also needs before any of it is used: the limits of format.ts (by declared sizes, before anything is inflated),
 * names unsafe on Windows or one file there, no encryption, and each entry's CRC-32 (yauzl does not check it).
 * ZIP64 is read as yauzl reads it: the limits bound the sizes whatever the format (fflate never writes it).
 */
import { createHash } from 'node:crypto'
import { crc32 } from 'node:zlib'
import yauzl from 'yauzl'
import type { Entry, ZipFile } from 'yauzl'
import type { BackupLimits } from './format'
import { sameFileKey, sizeText, unsafeName } from './format'

/** Why a zip cannot be used, in Chinese, and the entry it is about (when it is about one). */
export class ZipProblem extends Error {
  constructor(
    message: string,
    readonly entry?: string
  ) {
    super(message)
    this.name = 'ZipProblem'
  }
}

export type ZipEntry = Entry

const OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true, decodeStrings: true }

export class ZipReader {
  private constructor(
    private readonly zip: ZipFile,
    /** The entries in the directory's order (the file's, for the zips this program writes). */
    readonly entries: readonly Entry[]
  ) {}

  get fileSize(): number {
    return this.zip.fileSize
  }

  /** Opens and checks the directory; a ZipProblem says why the file is refused. The caller closes it. */
  static async open(path: string, limits: BackupLimits): Promise<ZipReader> {
    const zip = await yauzl.openPromise(path, OPTIONS).catch((e: unknown) => Promise.reject(problem(e)))
    try {
      if (zip.entryCount > limits.maxEntries) throw new ZipProblem(`有 ${zip.entryCount} 个条目，超过上限 ${limits.maxEntries}`)
      return new ZipReader(zip, await readDirectory(zip, limits))
    } catch (e) {
      zip.close()
      throw e
    }
  }

  close(): Promise<void> {
    this.zip.close()
    return Promise.resolve()
  }

  /** Streams the entry's uncompressed bytes to `sink`, chunk by chunk; its length (yauzl) and CRC must be as recorded. */
  async read(e: Entry, sink: (chunk: Buffer) => void | Promise<void>): Promise<void> {
    let crc = 0
    try {
      for await (const chunk of await this.zip.openReadStreamPromise(e)) {
        crc = crc32(chunk as Buffer, crc)
        await sink(chunk as Buffer)
      }
    } catch (err) {
      throw problem(err, e)
    }
    if (crc !== e.crc32) throw new ZipProblem('校验失败（数据已损坏）', e.fileName)
  }

  /** Reads an entry whole, for a small one (the manifest). */
  async readAll(e: Entry): Promise<Buffer> {
    const parts: Buffer[] = []
    await this.read(e, (c) => void parts.push(c))
    return Buffer.concat(parts)
  }
}

const forged = (detail: string, entry?: string): ZipProblem => new ZipProblem(`${detail}，疑似伪造或已损坏`, entry)

/** Every entry of the directory, each checked as it is read. */
function readDirectory(zip: ZipFile, limits: BackupLimits): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = []
    const seen = new Map<string, string>()
    let total = 0
    zip.on('error', (e: unknown) => reject(problem(e)))
    zip.on('end', () => resolve(entries))
    zip.on('entry', (e: Entry) => {
      const name = e.fileName
      const unsafe = unsafeName(name)
      const key = sameFileKey(name)
      const other = seen.get(key)
      total += e.uncompressedSize
      if (unsafe) return reject(new ZipProblem(`${unsafe}，疑似伪造`, name))
      if (e.isEncrypted()) return reject(new ZipProblem('已加密，不是本程序的备份', name))
      if (e.compressionMethod !== 0 && e.compressionMethod !== 8) return reject(new ZipProblem('使用了不支持的压缩方式，不是本程序的备份', name))
      if (e.uncompressedSize > limits.maxEntryBytes) {
        return reject(new ZipProblem(`解压后有 ${sizeText(e.uncompressedSize)}，超过每个文件 ${sizeText(limits.maxEntryBytes)} 的上限`, name))
      }
      if (total > limits.maxTotalBytes) return reject(new ZipProblem(`解压后超过 ${sizeText(limits.maxTotalBytes)} 的上限，疑似异常文件`))
      if (other !== undefined) return reject(forged(other === name ? '在压缩文件中出现了两次' : `与“${other}”在 Windows 上是同一个文件名`, name))
      seen.set(key, name)
      entries.push(e)
      zip.readEntry()
    })
    zip.readEntry()
  })
}

/** yauzl's or zlib's error as the Chinese fragment a refusal gives; an error of the file system is left as it is. */
function problem(err: unknown, e?: Entry): unknown {
  if (err instanceof ZipProblem || !(err instanceof Error)) return err
  const code = (err as NodeJS.ErrnoException).code
  const entry = e?.fileName
  if (code?.startsWith('Z_')) return new ZipProblem('无法解压（数据已损坏）', entry)
  if (code) return err
  const m = err.message
  const badName = /^(?:invalid characters in fileName|absolute path|invalid relative path): (.*)$/s.exec(m)?.[1]
  if (badName !== undefined) return new ZipProblem(`${unsafeName(badName) ?? '不是安全的文件名'}，疑似伪造`, badName)
  if (m.startsWith('too many bytes')) return new ZipProblem(`解压后大于记录的 ${sizeText(e?.uncompressedSize ?? 0)}，疑似伪造`, entry)
  if (m.startsWith('not enough bytes')) return new ZipProblem('数据不完整（解压后的大小与记录不符）', entry)
  if (m.startsWith('End of central directory record signature not found')) return new ZipProblem('中找不到压缩文件的目录（不是压缩文件，或拷贝时被截断）')
  if (m.startsWith('Invalid comment length')) return new ZipProblem('末尾的目录记录与文件长度不符（可能拷贝时被截断）')
  if (m.startsWith('unexpected EOF') || m.startsWith('file data overflows')) return new ZipProblem('不完整（可能拷贝时被截断）', entry)
  if (m.startsWith('multi-disk')) return new ZipProblem('是分卷压缩文件，无法读取')
  if (m.includes('encrypt')) return new ZipProblem('已加密，不是本程序的备份', entry)
  return forged('的结构有误', entry)
}

/** sha256 of bytes fed in pieces. */
export function sha256Hasher(): { update: (b: Buffer) => void; hex: () => string } {
  const h = createHash('sha256')
  return { update: (b) => void h.update(b), hex: () => h.digest('hex') }
}
