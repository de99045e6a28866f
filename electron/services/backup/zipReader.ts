/**
 * Reads a backup zip from its file, never whole: the directory (bounded) is read once, and each entry is streamed,
 * inflated in chunks and measured as it goes, so a backup of gigabytes costs a few megabytes of memory and a
 * forged one (a zip bomb, an entry that climbs out of the folder, a second hidden directory) is refused before any
 * of it is used.
 *
 * The structural rules are those of import/zipScan.mjs, which reads untrusted workbooks from memory: one end record
 * reaching the end of the file; counts that agree; a directory exactly as large as it says; local entries that tile
 * the bytes before it with no gap or overlap, each agreeing with the directory. Unlike a workbook's part names,
 * a backup's names are taken exactly (no case folding, a backslash refused), since they become file names on disk.
 * No ZIP64: the backups this program writes never need it (format.ts BACKUP_LIMITS).
 */
import { createHash } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { open } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { crc32, createInflateRaw } from 'node:zlib'
import type { BackupLimits } from './format'
import { sameFileKey, sizeText, unsafeName } from './format'

const SIG_EOCD = 0x06054b50
const SIG_CENTRAL = 0x02014b50
const SIG_LOCAL = 0x04034b50
const SIG_DESCRIPTOR = 0x08074b50
const EOCD_BYTES = 22
const STORED = 0
const DEFLATED = 8
/** Bit 0 encrypted, bit 6 strong encryption, bit 13 encrypted central directory. */
const ENCRYPTION_FLAGS = 0x0001 | 0x0040 | 0x2000
/** Bit 3: crc and sizes follow the data in a descriptor (what fflate's streaming zip writes). */
const DESCRIPTOR_FLAG = 0x0008
/** Bit 11: the name is UTF-8. */
const UTF8_FLAG = 0x0800
const U16_MAX = 0xffff
const U32_MAX = 0xffffffff
const CHUNK = 1024 * 1024

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

export interface ZipEntry {
  name: string
  flags: number
  method: number
  crc: number
  compressedSize: number
  /** Uncompressed, as the directory says; the inflated data must be exactly this long. */
  size: number
  /** Where its local header starts, its data starts, and the next entry starts. */
  start: number
  dataStart: number
  end: number
}

interface DirectoryEntry {
  name: string
  nameBytes: Buffer
  flags: number
  method: number
  crc: number
  compressedSize: number
  size: number
  localOffset: number
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

export class ZipReader {
  private constructor(
    private readonly handle: FileHandle,
    /** The entries in file order. */
    readonly entries: readonly ZipEntry[],
    /** The directory and end record, as read: the file's last bytes. */
    private readonly tail: Buffer,
    readonly fileSize: number
  ) {}

  /** Opens and checks the structure; a ZipProblem says why the file is refused. The caller closes it. */
  static async open(path: string, limits: BackupLimits): Promise<ZipReader> {
    const handle = await open(path, 'r')
    try {
      const size = (await handle.stat()).size
      const { entries, tail } = await readStructure(handle, size, limits)
      return new ZipReader(handle, entries, tail, size)
    } catch (e) {
      await handle.close()
      throw e
    }
  }

  close(): Promise<void> {
    return this.handle.close()
  }

  /**
   * Streams the entry's uncompressed bytes to `sink`, chunk by chunk, checking them against the directory (length,
   * CRC). `whole`, when given, is fed every byte of the entry as it lies in the file (header, data, descriptor):
   * entries read in file order, then `finish`, hash the whole file.
   */
  async read(e: ZipEntry, sink: (chunk: Buffer) => void | Promise<void>, whole?: (bytes: Buffer) => void): Promise<void> {
    if (whole) whole(await this.bytes(e.start, e.dataStart - e.start))
    const dataEnd = e.dataStart + e.compressedSize
    const source = this.chunks(e.dataStart, dataEnd, whole)
    let length = 0
    let crc = 0
    const consume = async (input: AsyncIterable<Buffer>): Promise<void> => {
      for await (const chunk of input) {
        length += chunk.length
        if (length > e.size) throw new ZipProblem(`解压后大于记录的 ${sizeText(e.size)}，疑似伪造`, e.name)
        crc = crc32(chunk, crc)
        await sink(chunk)
      }
    }
    try {
      if (e.method === STORED) await consume(source)
      else await pipeline(source, createInflateRaw(), consume)
    } catch (err) {
      if (err instanceof ZipProblem) throw err
      if ((err as NodeJS.ErrnoException).code?.startsWith('Z_') || (err as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') {
        throw new ZipProblem('无法解压（数据已损坏）', e.name)
      }
      throw err
    }
    if (length !== e.size) throw new ZipProblem('数据不完整（解压后的大小与记录不符）', e.name)
    if (crc >>> 0 !== e.crc) throw new ZipProblem('校验失败（数据已损坏）', e.name)
    if (whole && e.end > dataEnd) whole(await this.bytes(dataEnd, e.end - dataEnd))
  }

  /** Reads an entry whole, for a small one (the manifest). */
  async readAll(e: ZipEntry): Promise<Buffer> {
    const parts: Buffer[] = []
    await this.read(e, (c) => void parts.push(c))
    return Buffer.concat(parts)
  }

  /** The directory and end record, for `whole` after every entry was read in order. */
  finish(whole: (bytes: Buffer) => void): void {
    whole(this.tail)
  }

  private async *chunks(from: number, to: number, whole?: (bytes: Buffer) => void): AsyncGenerator<Buffer> {
    for (let at = from; at < to; ) {
      const chunk = await this.bytes(at, Math.min(CHUNK, to - at))
      if (whole) whole(chunk)
      at += chunk.length
      yield chunk
    }
  }

  private async bytes(at: number, length: number): Promise<Buffer> {
    return readExactly(this.handle, at, length)
  }
}

async function readExactly(handle: FileHandle, at: number, length: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(length)
  for (let done = 0; done < length; ) {
    const { bytesRead } = await handle.read(buf, done, length - done, at + done)
    if (bytesRead === 0) throw new ZipProblem('不完整（可能拷贝时被截断）')
    done += bytesRead
  }
  return buf
}

const forged = (detail: string, entry?: string): ZipProblem => new ZipProblem(`${detail}，疑似伪造或已损坏`, entry)

async function readStructure(handle: FileHandle, size: number, limits: BackupLimits): Promise<{ entries: ZipEntry[]; tail: Buffer }> {
  if (size < EOCD_BYTES) throw new ZipProblem('不是有效的压缩文件（文件太短）')
  if (size > U32_MAX) throw new ZipProblem(`有 ${sizeText(size)}，超过本程序备份的上限`)
  const lookBack = Math.min(size, EOCD_BYTES + U16_MAX)
  const end = await readExactly(handle, size - lookBack, lookBack)
  const eocd = findEnd(end)
  if (end.readUInt16LE(eocd + 4) !== 0 || end.readUInt16LE(eocd + 6) !== 0) throw new ZipProblem('是分卷压缩文件，无法读取')
  const diskCount = end.readUInt16LE(eocd + 8)
  const count = end.readUInt16LE(eocd + 10)
  const dirSize = end.readUInt32LE(eocd + 12)
  const dirOffset = end.readUInt32LE(eocd + 16)
  if (count === U16_MAX || dirSize === U32_MAX || dirOffset === U32_MAX) throw new ZipProblem('使用了本程序不生成的 ZIP64 格式，不是本程序的备份')
  if (diskCount !== count) throw forged('的目录记录中两个条目数不一致')
  if (count > limits.maxEntries) throw new ZipProblem(`有 ${count} 个条目，超过上限 ${limits.maxEntries}`)
  const eocdAt = size - lookBack + eocd
  if (dirOffset + dirSize !== eocdAt) throw forged('的目录位置或大小与目录记录不符')
  if (dirSize > limits.maxDirectoryBytes) throw new ZipProblem(`的目录有 ${sizeText(dirSize)}，超过上限`)
  const dir = await readExactly(handle, dirOffset, dirSize)
  const listed = readDirectory(dir, count, limits)
  const entries: ZipEntry[] = []
  let expected = 0
  for (const d of [...listed].sort((a, b) => a.localOffset - b.localOffset)) {
    if (d.localOffset < expected) throw forged('与其他条目的数据相互重叠', d.name)
    if (d.localOffset > expected) throw forged('中有目录未列出的数据')
    const e = await locate(handle, d, dirOffset)
    entries.push(e)
    expected = e.end
  }
  if (expected !== dirOffset) throw forged('中有目录未列出的数据')
  return { entries, tail: Buffer.concat([dir, end.subarray(eocd)]) }
}

/** The one end record whose comment reaches exactly the end of the file, with no other record after it. */
function findEnd(bytes: Buffer): number {
  const found: number[] = []
  for (let p = bytes.length - EOCD_BYTES; p >= 0; p--) if (bytes.readUInt32LE(p) === SIG_EOCD) found.push(p)
  const fitting = found.filter((p) => p + EOCD_BYTES + bytes.readUInt16LE(p + 20) === bytes.length)
  if (fitting.length === 0) throw new ZipProblem(found.length ? '末尾的目录记录与文件长度不符（可能拷贝时被截断）' : '中找不到压缩文件的目录（不是压缩文件，或拷贝时被截断）')
  if (fitting.length > 1 || found[0] !== fitting[0]) throw forged('的注释中藏有另一个目录记录')
  return fitting[0] as number
}

function readDirectory(dir: Buffer, count: number, limits: BackupLimits): DirectoryEntry[] {
  const entries: DirectoryEntry[] = []
  const seen = new Map<string, string>()
  let total = 0
  let p = 0
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== SIG_CENTRAL) throw forged('的目录已损坏')
    const nameLength = dir.readUInt16LE(p + 28)
    const extraLength = dir.readUInt16LE(p + 30)
    const commentLength = dir.readUInt16LE(p + 32)
    const nameEnd = p + 46 + nameLength
    if (nameEnd + extraLength + commentLength > dir.length) throw forged('的目录已损坏')
    if (dir.readUInt16LE(p + 34) !== 0) throw new ZipProblem('是分卷压缩文件，无法读取')
    const flags = dir.readUInt16LE(p + 8)
    const nameBytes = dir.subarray(p + 46, nameEnd)
    let name: string
    try {
      name = utf8.decode(nameBytes)
    } catch {
      throw new ZipProblem('中有名字不是 UTF-8 编码的条目，不是本程序的备份')
    }
    if (!(flags & UTF8_FLAG) && /[^\x20-\x7e]/.test(name)) throw new ZipProblem('的名字编码不明，不是本程序的备份', name)
    const entry: DirectoryEntry = {
      name,
      nameBytes,
      flags,
      method: dir.readUInt16LE(p + 10),
      crc: dir.readUInt32LE(p + 16),
      compressedSize: dir.readUInt32LE(p + 20),
      size: dir.readUInt32LE(p + 24),
      localOffset: dir.readUInt32LE(p + 42)
    }
    const unsafe = unsafeName(name)
    if (unsafe) throw new ZipProblem(`${unsafe}，疑似伪造`, name)
    if (flags & ENCRYPTION_FLAGS) throw new ZipProblem('已加密，不是本程序的备份', name)
    if (entry.method !== STORED && entry.method !== DEFLATED) throw new ZipProblem('使用了不支持的压缩方式，不是本程序的备份', name)
    if (entry.compressedSize === U32_MAX || entry.size === U32_MAX || entry.localOffset === U32_MAX) {
      throw new ZipProblem('使用了本程序不生成的 ZIP64 格式，不是本程序的备份', name)
    }
    if (entry.method === STORED && entry.compressedSize !== entry.size) throw forged('的大小记录不一致', name)
    if (entry.size > limits.maxEntryBytes) throw new ZipProblem(`解压后有 ${sizeText(entry.size)}，超过每个文件 ${sizeText(limits.maxEntryBytes)} 的上限`, name)
    total += entry.size
    if (total > limits.maxTotalBytes) throw new ZipProblem(`解压后超过 ${sizeText(limits.maxTotalBytes)} 的上限，疑似异常文件`)
    const key = sameFileKey(name)
    const other = seen.get(key)
    if (other !== undefined) throw forged(other === name ? '在压缩文件中出现了两次' : `与“${other}”在 Windows 上是同一个文件名`, name)
    seen.set(key, name)
    entries.push(entry)
    p = nameEnd + extraLength + commentLength
  }
  if (p !== dir.length) throw forged('的目录中有未计入条目数的条目')
  return entries
}

/** Where the entry's header, data and descriptor lie; everything they say must agree with the directory. */
async function locate(handle: FileHandle, d: DirectoryEntry, dirOffset: number): Promise<ZipEntry> {
  const mismatch = (): ZipProblem => forged('的文件头与目录不一致', d.name)
  const start = d.localOffset
  if (start + 30 > dirOffset) throw forged('的数据位置错误', d.name)
  const head = await readExactly(handle, start, 30)
  if (head.readUInt32LE(0) !== SIG_LOCAL) throw forged('的数据位置错误', d.name)
  const flags = head.readUInt16LE(6)
  const nameLength = head.readUInt16LE(26)
  const dataStart = start + 30 + nameLength + head.readUInt16LE(28)
  if (dataStart > dirOffset) throw forged('的数据位置错误', d.name)
  const name = await readExactly(handle, start + 30, nameLength)
  if (!name.equals(d.nameBytes) || head.readUInt16LE(8) !== d.method) throw mismatch()
  if (flags & ENCRYPTION_FLAGS) throw new ZipProblem('已加密，不是本程序的备份', d.name)
  const descriptor = (flags & DESCRIPTOR_FLAG) !== 0
  if (descriptor !== ((d.flags & DESCRIPTOR_FLAG) !== 0)) throw mismatch()
  // With a descriptor the local header may leave crc and sizes at zero; whatever it does say must agree.
  const agrees = (value: number, expected: number): boolean => value === expected || (descriptor && value === 0)
  if (!agrees(head.readUInt32LE(14), d.crc) || !agrees(head.readUInt32LE(18), d.compressedSize) || !agrees(head.readUInt32LE(22), d.size)) throw mismatch()
  const dataEnd = dataStart + d.compressedSize
  if (dataEnd > dirOffset) throw new ZipProblem('的数据不完整', d.name)
  let end = dataEnd
  if (descriptor) {
    const room = Math.min(16, dirOffset - dataEnd)
    if (room < 12) throw new ZipProblem('的数据不完整', d.name)
    const tail = await readExactly(handle, dataEnd, room)
    const q = room === 16 && tail.readUInt32LE(0) === SIG_DESCRIPTOR ? 4 : 0
    if (tail.readUInt32LE(q) !== d.crc || tail.readUInt32LE(q + 4) !== d.compressedSize || tail.readUInt32LE(q + 8) !== d.size) {
      throw forged('的数据描述与目录不一致', d.name)
    }
    end = dataEnd + q + 12
  }
  return { name: d.name, flags: d.flags, method: d.method, crc: d.crc, compressedSize: d.compressedSize, size: d.size, start, dataStart, end }
}

/** sha256 of bytes fed in pieces. */
export function sha256Hasher(): { update: (b: Buffer) => void; hex: () => string } {
  const h = createHash('sha256')
  return { update: (b) => void h.update(b), hex: () => h.digest('hex') }
}
