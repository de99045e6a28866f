// @ts-check
// Checks a zip container before a parser sees it. SheetJS inflates every entry with no output cap, follows the local
// headers rather than the central directory and skips the CRC (reliability.md §2.3), so this walks the central
// directory, cross-checks each local header, and really inflates every entry under a hard cap: a zip bomb is refused
// after inflating at most the cap, never the whole bomb.
//
// Zip readers disagree on where an archive's directory is (SheetJS takes the last end record it finds, even one
// hidden in the comment, and counts the entries of "this disk"), so an archive that two readers could read two ways
// is refused here: one end record, accounting for every byte to the end of the file; counts that agree; a directory
// exactly as large as it says and ending where the end record starts; local entries that tile the bytes before it
// with no gap and no overlap; no two names that a case-insensitive lookup confuses. And no parser ever reads the
// original archive: the lean reader reads the inflated entries, SheetJS an archive rebuilt from them (canonicalZip).
//
// Entries are known by their part name (partName): some Windows zip writers separate folders with `\` and some
// writers spell parts in another case (`XL/Workbook.xml`), and OOXML compares part names case-insensitively, so the
// name is normalised before any check and the checks judge what a reader would really open.
//
// It runs twice per file. On the main thread without inflating (preflight.ts): the directory alone tells what the
// file is and refuses the structural attacks. In the parser thread in full, before parsing (parseWorker.mjs): the
// inflating is the costly part, and untrusted bytes are inflated where a hostile file can only exhaust that thread.
//
// Plain JavaScript for the same reason as parseWorker.mjs, typed as it says.
/** @import { ImportLimits } from './limits' */
import { zipSync } from 'fflate'
import { crc32, inflateRawSync } from 'node:zlib'

/** @typedef {'CORRUPT_ZIP' | 'ZIP_BOMB' | 'ZIP_UNSAFE_PATH' | 'ENCRYPTED'} ZipFailure */

/**
 * What a container may hold and inflate to (limits.ts).
 * @typedef {Pick<ImportLimits, 'maxZipEntries' | 'maxEntryInflatedBytes' | 'maxTotalInflatedBytes' | 'ratioFloorBytes' | 'maxRatio'>} ZipLimits
 */

/**
 * The checked container: every entry's part name, and the inflated entries kept, by part name; or why it is refused.
 * @typedef {{ ok: true, names: Set<string>, inflated: Map<string, Buffer> }
 *   | { ok: false, code: ZipFailure, detail: string }} ZipScan
 */

/**
 * An entry as the central directory lists it; `part` is its name as a reader looks it up (partName).
 * @typedef {{
 *   name: string,
 *   part: string,
 *   nameBytes: Buffer,
 *   flags: number,
 *   method: number,
 *   crc: number,
 *   compressedSize: number,
 *   uncompressedSize: number,
 *   localOffset: number
 * }} Entry
 */

/**
 * An entry with where its bytes lie: local header at `start`, data from `dataStart`, the next entry at `end`.
 * @typedef {Entry & { start: number, dataStart: number, end: number }} LocatedEntry
 */

/**
 * What an end record (or its ZIP64 twin) says about the directory.
 * @typedef {{ diskCount: number, count: number, size: number, offset: number, directoryEnd: number }} EndRecord
 */

/** @typedef {{ compressedSize: number, uncompressedSize: number, localOffset: number }} EntrySizes */

const SIG_EOCD = 0x06054b50
const SIG_ZIP64_LOCATOR = 0x07064b50
const SIG_ZIP64_EOCD = 0x06064b50
const SIG_CENTRAL = 0x02014b50
const SIG_LOCAL = 0x04034b50
const SIG_DESCRIPTOR = 0x08074b50
const EOCD_BYTES = 22
const STORED = 0
const DEFLATED = 8
/** Bit 0 encrypted, bit 6 strong encryption, bit 13 encrypted central directory. */
const ENCRYPTION_FLAGS = 0x0001 | 0x0040 | 0x2000
/** Bit 3: crc and sizes follow the data (a data descriptor), the local header may hold zeros. */
const DESCRIPTOR_FLAG = 0x0008
const U16_MAX = 0xffff
const U32_MAX = 0xffffffff

class ZipProblem extends Error {
  /**
   * @param {ZipFailure} code
   * @param {string} detail
   */
  constructor(code, detail) {
    super(detail)
    this.code = code
  }
}

/** @param {string} detail */
const corrupt = (detail) => new ZipProblem('CORRUPT_ZIP', detail)
/** @param {string} detail */
const forged = (detail) => corrupt(`${detail}，疑似伪造的压缩包`)

/**
 * Scans the container. `inflate` (the default) inflates and checks every entry; without it only the entries `keep`
 * accepts are inflated (small ones the caller needs, e.g. mimetype). Of the inflated entries, those `keep` accepts
 * are returned; the others are checked and let go, so they hold no memory while the parsers run.
 * @param {Buffer} bytes
 * @param {ZipLimits} limits
 * @param {{ inflate?: boolean, keep?: (part: string) => boolean }} [options]
 * @returns {ZipScan}
 */
export function scanZip(bytes, limits, { inflate = true, keep = () => true } = {}) {
  try {
    const { entries, directoryStart } = readCentralDirectory(bytes, limits)
    checkNames(entries)
    const located = entries.map((e) => ({ ...e, ...locate(bytes, e, directoryStart) }))
    checkTiling(located, directoryStart)
    /** @type {Set<string>} */
    const names = new Set()
    /** @type {Map<string, Buffer>} */
    const inflated = new Map()
    let total = 0
    for (const e of located) {
      names.add(e.part)
      if (!inflate && !keep(e.part)) continue
      const data = inflateEntry(bytes, e, limits, limits.maxTotalInflatedBytes - total)
      total += data.length
      if (keep(e.part)) inflated.set(e.part, data)
    }
    return { ok: true, names, inflated }
  } catch (e) {
    if (e instanceof ZipProblem) return { ok: false, code: e.code, detail: e.message }
    throw e
  }
}

/**
 * The archive a parser that reads zips itself (SheetJS) is given: exactly the entries the scan inflated and
 * checked, stored, so that parser inflates nothing and finds nothing the scan did not measure.
 * @param {ReadonlyMap<string, Uint8Array>} inflated
 * @returns {Buffer}
 */
export function canonicalZip(inflated) {
  /** @type {Record<string, Uint8Array>} */
  const files = Object.create(null)
  for (const [name, data] of inflated) files[name] = data
  const zip = zipSync(files, { level: 0 })
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength)
  // fflate keys its own bookkeeping by name; an entry it dropped there would make the two views differ.
  if (view.readUInt16LE(view.length - EOCD_BYTES + 10) !== inflated.size) throw corrupt('压缩包内的条目名无法重建')
  return view
}

/**
 * The one end record whose comment reaches exactly the end of the file. Any other record after it (hidden in its
 * comment, or in the last bytes where SheetJS starts looking) or any second record that also fits is a second
 * reading of the archive.
 * @param {Buffer} bytes
 * @returns {number}
 */
function findEndOfCentralDirectory(bytes) {
  const lowest = Math.max(0, bytes.length - EOCD_BYTES - U16_MAX)
  /** @type {number[]} */
  const candidates = []
  for (let p = bytes.length - 4; p >= lowest; p--) {
    if (bytes.readUInt32LE(p) === SIG_EOCD) candidates.push(p)
  }
  const fitting = candidates.filter(
    (p) => p + EOCD_BYTES <= bytes.length && p + EOCD_BYTES + bytes.readUInt16LE(p + 20) === bytes.length
  )
  if (fitting.length === 0) {
    throw corrupt(candidates.length ? '压缩包末尾的目录记录与文件长度不符，可能拷贝时被截断' : '找不到压缩包目录，可能拷贝时被截断')
  }
  const eocd = fitting[fitting.length - 1]
  if (fitting.length > 1 || candidates[0] !== eocd) throw forged('压缩包注释中藏有另一个目录记录')
  return eocd
}

/**
 * @param {Buffer} bytes
 * @param {ZipLimits} limits
 * @returns {{ entries: Entry[], directoryStart: number }}
 */
function readCentralDirectory(bytes, limits) {
  const eocd = findEndOfCentralDirectory(bytes)
  if (bytes.readUInt16LE(eocd + 4) !== 0 || bytes.readUInt16LE(eocd + 6) !== 0) throw corrupt('分卷压缩包无法读取')
  /** @type {EndRecord} */
  const end = {
    diskCount: bytes.readUInt16LE(eocd + 8),
    count: bytes.readUInt16LE(eocd + 10),
    size: bytes.readUInt32LE(eocd + 12),
    offset: bytes.readUInt32LE(eocd + 16),
    directoryEnd: eocd
  }
  const zip64 = end.count === U16_MAX || end.diskCount === U16_MAX || end.size === U32_MAX || end.offset === U32_MAX
  const { diskCount, count, size, offset, directoryEnd } = zip64 ? readZip64End(bytes, eocd, end) : end
  if (diskCount !== count) throw forged(`压缩包目录记录的两个条目数不一致（${diskCount} 与 ${count}）`)
  if (count > limits.maxZipEntries) throw new ZipProblem('ZIP_BOMB', `压缩包内有 ${count} 个条目（上限 ${limits.maxZipEntries}）`)
  if (offset + size !== directoryEnd) throw forged('压缩包目录的位置或大小与目录记录不符')
  /** @type {Entry[]} */
  const entries = []
  let p = offset
  for (let i = 0; i < count; i++) {
    if (p + 46 > directoryEnd || bytes.readUInt32LE(p) !== SIG_CENTRAL) throw corrupt('压缩包目录已损坏')
    const nameLength = bytes.readUInt16LE(p + 28)
    const extraLength = bytes.readUInt16LE(p + 30)
    const commentLength = bytes.readUInt16LE(p + 32)
    const nameEnd = p + 46 + nameLength
    if (nameEnd + extraLength + commentLength > directoryEnd) throw corrupt('压缩包目录已损坏')
    if (bytes.readUInt16LE(p + 34) !== 0) throw corrupt('分卷压缩包无法读取')
    const nameBytes = bytes.subarray(p + 46, nameEnd)
    const sizes = zip64Sizes(bytes.subarray(nameEnd, nameEnd + extraLength), {
      compressedSize: bytes.readUInt32LE(p + 20),
      uncompressedSize: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42)
    })
    const name = nameBytes.toString('utf8')
    /** @type {Entry} */
    const entry = {
      name,
      part: partName(name),
      nameBytes,
      flags: bytes.readUInt16LE(p + 8),
      method: bytes.readUInt16LE(p + 10),
      crc: bytes.readUInt32LE(p + 16),
      compressedSize: sizes.compressedSize,
      uncompressedSize: sizes.uncompressedSize,
      localOffset: sizes.localOffset
    }
    checkEntryHeader(entry)
    entries.push(entry)
    p = nameEnd + extraLength + commentLength
  }
  if (p !== directoryEnd) throw forged('压缩包目录中有未计入条目数的条目')
  return { entries, directoryStart: offset }
}

/**
 * The ZIP64 end record sits right before its locator, which sits right before the end record; counts must agree.
 * @param {Buffer} bytes
 * @param {number} eocd
 * @param {EndRecord} end
 * @returns {EndRecord}
 */
function readZip64End(bytes, eocd, end) {
  const locator = eocd - 20
  if (locator < 0 || bytes.readUInt32LE(locator) !== SIG_ZIP64_LOCATOR) throw corrupt('压缩包目录已损坏')
  if (bytes.readUInt32LE(locator + 4) !== 0 || bytes.readUInt32LE(locator + 16) > 1) throw corrupt('分卷压缩包无法读取')
  const at = Number(bytes.readBigUInt64LE(locator + 8))
  if (at + 56 > locator || bytes.readUInt32LE(at) !== SIG_ZIP64_EOCD) throw corrupt('压缩包目录已损坏')
  if (at + 12 + Number(bytes.readBigUInt64LE(at + 4)) !== locator) throw forged('ZIP64 目录记录的长度不符')
  const z = {
    diskCount: Number(bytes.readBigUInt64LE(at + 24)),
    count: Number(bytes.readBigUInt64LE(at + 32)),
    size: Number(bytes.readBigUInt64LE(at + 40)),
    offset: Number(bytes.readBigUInt64LE(at + 48)),
    directoryEnd: at
  }
  /** @type {(small: number, max: number, big: number) => boolean} */
  const agrees = (small, max, big) => small === max || small === big
  if (!agrees(end.count, U16_MAX, z.count) || !agrees(end.diskCount, U16_MAX, z.diskCount)) {
    throw forged('压缩包的两个目录记录所写的条目数不一致')
  }
  if (!agrees(end.size, U32_MAX, z.size) || !agrees(end.offset, U32_MAX, z.offset)) {
    throw forged('压缩包的两个目录记录所写的目录位置不一致')
  }
  return z
}

/**
 * ZIP64 extra field (0x0001): 8-byte values for exactly the header fields that hold 0xFFFFFFFF, in this order.
 * @param {Buffer} extra
 * @param {EntrySizes} header
 * @returns {EntrySizes & { zip64: boolean }}
 */
function zip64Sizes(extra, header) {
  let { compressedSize, uncompressedSize, localOffset } = header
  let zip64 = false
  for (let q = 0; q + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(q)
    const size = extra.readUInt16LE(q + 2)
    if (id === 0x0001) {
      zip64 = true
      let v = q + 4
      const next = () => {
        if (v + 8 > q + 4 + size || v + 8 > extra.length) throw corrupt('压缩包目录已损坏')
        const n = Number(extra.readBigUInt64LE(v))
        v += 8
        return n
      }
      if (uncompressedSize === U32_MAX) uncompressedSize = next()
      if (compressedSize === U32_MAX) compressedSize = next()
      if (localOffset === U32_MAX) localOffset = next()
    }
    q += 4 + size
  }
  return { compressedSize, uncompressedSize, localOffset, zip64 }
}

/**
 * What an entry is known by: `/` for every `\` and lower case, since OOXML part names compare case-insensitively
 * (ECMA-376 Part 2 §9.1.1.1.2) and SheetJS looks them up so; whoever looks a part up asks for this form (the lean
 * reader, the preflight), and the archive rebuilt for SheetJS is written with it.
 * @param {string} name
 * @returns {string}
 */
export const partName = (name) => name.replaceAll('\\', '/').toLowerCase()

/**
 * A normalised name that leaves the archive: absolute, on a drive (`C:`), climbing out (`..`), or cut short by NUL.
 * @param {string} part
 */
const escapes = (part) => part.startsWith('/') || /^[a-z]:/.test(part) || part.includes('\0') || part.split('/').includes('..')

/** @param {Entry} e */
function checkEntryHeader(e) {
  if (escapes(e.part)) throw new ZipProblem('ZIP_UNSAFE_PATH', `压缩包内的条目名“${e.name}”指向压缩包以外的位置`)
  if (e.flags & ENCRYPTION_FLAGS) throw new ZipProblem('ENCRYPTED', `压缩包内的“${e.name}”已加密`)
  if (e.method !== STORED && e.method !== DEFLATED) throw corrupt(`“${e.name}”使用了不支持的压缩方式`)
  if (e.method === STORED && e.compressedSize !== e.uncompressedSize) throw corrupt(`“${e.name}”的大小记录不一致`)
}

/**
 * Names that differ only in case or separator (or in bytes that decode alike) are one part: an archive holding both
 * is ambiguous, whichever a reader took.
 * @param {readonly Entry[]} entries
 */
function checkNames(entries) {
  /** @type {Set<string>} */
  const seen = new Set()
  for (const e of entries) {
    const slashed = e.name.replaceAll('\\', '/')
    for (const key of new Set([slashed, slashed.toUpperCase(), e.part])) {
      if (seen.has(key)) throw corrupt(`压缩包内有重复的条目“${e.name}”`)
      seen.add(key)
    }
  }
}

/**
 * Where the entry's local header, data and data descriptor lie; everything the local header and descriptor say
 * must agree with the central directory.
 * @param {Buffer} bytes
 * @param {Entry} e
 * @param {number} directoryStart
 * @returns {{ start: number, dataStart: number, end: number }}
 */
function locate(bytes, e, directoryStart) {
  const p = e.localOffset
  const mismatch = () => corrupt(`“${e.name}”的文件头与目录不一致`)
  if (p + 30 > directoryStart || bytes.readUInt32LE(p) !== SIG_LOCAL) throw corrupt(`“${e.name}”的数据位置错误`)
  const flags = bytes.readUInt16LE(p + 6)
  const nameLength = bytes.readUInt16LE(p + 26)
  const extraStart = p + 30 + nameLength
  const dataStart = extraStart + bytes.readUInt16LE(p + 28)
  if (dataStart > directoryStart) throw corrupt(`“${e.name}”的数据位置错误`)
  if (!bytes.subarray(p + 30, extraStart).equals(e.nameBytes) || bytes.readUInt16LE(p + 8) !== e.method) throw mismatch()
  if (flags & ENCRYPTION_FLAGS) throw new ZipProblem('ENCRYPTED', `压缩包内的“${e.name}”已加密`)
  if ((flags & DESCRIPTOR_FLAG) !== (e.flags & DESCRIPTOR_FLAG)) throw mismatch()
  const local = zip64Sizes(bytes.subarray(extraStart, dataStart), {
    compressedSize: bytes.readUInt32LE(p + 18),
    uncompressedSize: bytes.readUInt32LE(p + 22),
    localOffset: 0
  })
  const localCrc = bytes.readUInt32LE(p + 14)
  // With a data descriptor the local header may leave crc and sizes at zero; whatever it does say must agree.
  /**
   * @param {number} value
   * @param {number} expected
   */
  const agrees = (value, expected) => value === expected || (flags & DESCRIPTOR_FLAG && value === 0)
  const headerAgrees =
    agrees(localCrc, e.crc) &&
    agrees(local.compressedSize, e.compressedSize) &&
    agrees(local.uncompressedSize, e.uncompressedSize)
  if (!headerAgrees) throw mismatch()
  const dataEnd = dataStart + e.compressedSize
  if (dataEnd > directoryStart) throw corrupt(`“${e.name}”的数据不完整`)
  const end = flags & DESCRIPTOR_FLAG ? descriptorEnd(bytes, e, dataEnd, local.zip64, directoryStart) : dataEnd
  return { start: p, dataStart, end }
}

/**
 * A data descriptor: optional signature, crc, then the two sizes (8 bytes each in a ZIP64 entry).
 * @param {Buffer} bytes
 * @param {Entry} e
 * @param {number} at
 * @param {boolean} zip64
 * @param {number} directoryStart
 * @returns {number}
 */
function descriptorEnd(bytes, e, at, zip64, directoryStart) {
  const width = zip64 ? 8 : 4
  let q = at
  if (q + 4 <= directoryStart && bytes.readUInt32LE(q) === SIG_DESCRIPTOR) q += 4
  const end = q + 4 + 2 * width
  if (end > directoryStart) throw corrupt(`“${e.name}”的数据不完整`)
  /** @param {number} at */
  const read = (at) => (zip64 ? Number(bytes.readBigUInt64LE(at)) : bytes.readUInt32LE(at))
  const agrees =
    bytes.readUInt32LE(q) === e.crc && read(q + 4) === e.compressedSize && read(q + 4 + width) === e.uncompressedSize
  if (!agrees) throw forged(`“${e.name}”的数据描述与目录不一致`)
  return end
}

/**
 * The local entries, in file order, fill every byte before the directory exactly once.
 * @param {readonly LocatedEntry[]} spans
 * @param {number} directoryStart
 */
function checkTiling(spans, directoryStart) {
  let expected = 0
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < expected) throw forged(`“${s.name}”与其他条目的数据相互重叠`)
    if (s.start > expected) throw forged('压缩包内有目录未列出的数据')
    expected = s.end
  }
  if (expected !== directoryStart) throw forged('压缩包内有目录未列出的数据')
}

/** @param {number} n */
const sizeText = (n) => (n >= 1024 * 1024 ? `${Math.floor(n / 1024 / 1024)} MiB` : `${Math.ceil(n / 1024)} KiB`)

/**
 * @param {Buffer} bytes
 * @param {LocatedEntry} e
 * @param {ZipLimits} limits
 * @param {number} totalLeft
 * @returns {Buffer}
 */
function inflateEntry(bytes, e, limits, totalLeft) {
  const raw = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize)
  const cap = Math.min(
    limits.maxEntryInflatedBytes,
    totalLeft,
    Math.max(limits.ratioFloorBytes, raw.length * limits.maxRatio)
  )
  const tooBig = () => new ZipProblem('ZIP_BOMB', `“${e.name}”解压后超过 ${sizeText(cap)}`)
  if (e.uncompressedSize > cap) throw tooBig()
  /** @type {Buffer} */
  let data
  if (e.method === STORED) {
    data = raw
  } else {
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, cap) })
    } catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig()
      throw corrupt(`“${e.name}”无法解压（文件已损坏）`)
    }
  }
  if (data.length !== e.uncompressedSize || crc32(data) !== e.crc) throw corrupt(`“${e.name}”校验失败（文件已损坏）`)
  return data
}
