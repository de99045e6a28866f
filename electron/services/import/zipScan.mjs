// Checks a zip container before a parser sees it. SheetJS inflates every entry with no output cap, follows the local
// headers rather than the central directory and skips the CRC (reliability.md §2.3), so this walks the central
// directory, cross-checks each local header, and really inflates every entry under a hard cap: a zip bomb is refused
// after inflating at most the cap, never the whole bomb.
//
// It runs twice per file. On the main thread without inflating (preflight.ts): the directory alone tells what the
// file is and refuses the structural attacks. In the parser thread in full, before parsing (parseWorker.mjs): the
// inflating is the costly part, and untrusted bytes are inflated where a hostile file can only exhaust that thread;
// the lean reader then reads the inflated parts instead of inflating them again.
//
// Plain JavaScript for the same reason as parseWorker.mjs; the types are in zipScan.d.mts.
import { crc32, inflateRawSync } from 'node:zlib'

const SIG_EOCD = 0x06054b50
const SIG_ZIP64_LOCATOR = 0x07064b50
const SIG_ZIP64_EOCD = 0x06064b50
const SIG_CENTRAL = 0x02014b50
const SIG_LOCAL = 0x04034b50
const STORED = 0
const DEFLATED = 8
/** Bit 0 encrypted, bit 6 strong encryption, bit 13 encrypted central directory. */
const ENCRYPTION_FLAGS = 0x0001 | 0x0040 | 0x2000
const U32_MAX = 0xffffffff

class ZipProblem extends Error {
  constructor(code, detail) {
    super(detail)
    this.code = code
  }
}

const corrupt = (detail) => new ZipProblem('CORRUPT_ZIP', detail)

/**
 * Scans the container. `inflate` (the default) inflates and checks every entry and returns them all; without it
 * only the entries named in `keep` are inflated (small ones the caller needs, e.g. mimetype).
 */
export function scanZip(bytes, limits, { keep = [], inflate = true } = {}) {
  try {
    const entries = readCentralDirectory(bytes, limits)
    const names = new Set()
    const inflated = new Map()
    let total = 0
    for (const e of entries) {
      if (names.has(e.name)) throw corrupt(`压缩包内有重复的条目“${e.name}”`)
      names.add(e.name)
      if (!inflate && !keep.includes(e.name)) {
        entryData(bytes, e)
        continue
      }
      const data = inflateEntry(bytes, e, limits, limits.maxTotalInflatedBytes - total)
      total += data.length
      inflated.set(e.name, data)
    }
    return { ok: true, names, inflated }
  } catch (e) {
    if (e instanceof ZipProblem) return { ok: false, code: e.code, detail: e.message }
    throw e
  }
}

function findEndOfCentralDirectory(bytes) {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff)
  for (let p = bytes.length - 22; p >= lowest; p--) {
    if (bytes.readUInt32LE(p) === SIG_EOCD) return p
  }
  throw corrupt('找不到压缩包目录，可能拷贝时被截断')
}

function readCentralDirectory(bytes, limits) {
  const eocd = findEndOfCentralDirectory(bytes)
  if (bytes.readUInt16LE(eocd + 4) !== 0 || bytes.readUInt16LE(eocd + 6) !== 0) throw corrupt('分卷压缩包无法读取')
  let count = bytes.readUInt16LE(eocd + 10)
  let offset = bytes.readUInt32LE(eocd + 16)
  if (count === 0xffff || offset === U32_MAX) ({ count, offset } = readZip64End(bytes, eocd))
  if (count > limits.maxZipEntries) throw new ZipProblem('ZIP_BOMB', `压缩包内有 ${count} 个条目（上限 ${limits.maxZipEntries}）`)
  const entries = []
  let p = offset
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || bytes.readUInt32LE(p) !== SIG_CENTRAL) throw corrupt('压缩包目录已损坏')
    const nameLength = bytes.readUInt16LE(p + 28)
    const extraLength = bytes.readUInt16LE(p + 30)
    const commentLength = bytes.readUInt16LE(p + 32)
    const nameEnd = p + 46 + nameLength
    if (nameEnd + extraLength > eocd) throw corrupt('压缩包目录已损坏')
    const name = bytes.toString('utf8', p + 46, nameEnd)
    const sizes = zip64Sizes(bytes.subarray(nameEnd, nameEnd + extraLength), {
      compressedSize: bytes.readUInt32LE(p + 20),
      uncompressed: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42)
    })
    const entry = {
      name,
      flags: bytes.readUInt16LE(p + 8),
      method: bytes.readUInt16LE(p + 10),
      crc: bytes.readUInt32LE(p + 16),
      compressedSize: sizes.compressedSize,
      localOffset: sizes.localOffset
    }
    checkEntryHeader(entry)
    entries.push(entry)
    p = nameEnd + extraLength + commentLength
  }
  return entries
}

function readZip64End(bytes, eocd) {
  const locator = eocd - 20
  if (locator < 0 || bytes.readUInt32LE(locator) !== SIG_ZIP64_LOCATOR) throw corrupt('压缩包目录已损坏')
  const end = Number(bytes.readBigUInt64LE(locator + 8))
  if (end + 56 > locator || bytes.readUInt32LE(end) !== SIG_ZIP64_EOCD) throw corrupt('压缩包目录已损坏')
  return { count: Number(bytes.readBigUInt64LE(end + 32)), offset: Number(bytes.readBigUInt64LE(end + 48)) }
}

/** ZIP64 extra field (0x0001): 8-byte values for exactly the header fields that hold 0xFFFFFFFF, in this order. */
function zip64Sizes(extra, header) {
  let { compressedSize, localOffset } = header
  for (let q = 0; q + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(q)
    const size = extra.readUInt16LE(q + 2)
    if (id === 0x0001) {
      let v = q + 4
      const next = () => {
        if (v + 8 > q + 4 + size) throw corrupt('压缩包目录已损坏')
        const n = Number(extra.readBigUInt64LE(v))
        v += 8
        return n
      }
      if (header.uncompressed === U32_MAX) next()
      if (compressedSize === U32_MAX) compressedSize = next()
      if (localOffset === U32_MAX) localOffset = next()
    }
    q += 4 + size
  }
  return { compressedSize, localOffset }
}

function checkEntryHeader(e) {
  const segments = e.name.split('/')
  if (e.name.startsWith('/') || e.name.includes('\\') || e.name.includes('\0') || segments.includes('..')) {
    throw new ZipProblem('ZIP_UNSAFE_PATH', `压缩包内的条目名“${e.name}”指向压缩包以外的位置`)
  }
  if (e.flags & ENCRYPTION_FLAGS) throw new ZipProblem('ENCRYPTED', `压缩包内的“${e.name}”已加密`)
  if (e.method !== STORED && e.method !== DEFLATED) throw corrupt(`“${e.name}”使用了不支持的压缩方式`)
}

/** Locates the entry's data through its local header, which must agree with the central directory. */
function entryData(bytes, e) {
  const p = e.localOffset
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== SIG_LOCAL) throw corrupt(`“${e.name}”的数据位置错误`)
  const nameLength = bytes.readUInt16LE(p + 26)
  const start = p + 30 + nameLength + bytes.readUInt16LE(p + 28)
  const localName = bytes.toString('utf8', p + 30, p + 30 + nameLength)
  if (localName !== e.name || bytes.readUInt16LE(p + 8) !== e.method) throw corrupt(`“${e.name}”的文件头与目录不一致`)
  if (bytes.readUInt16LE(p + 6) & ENCRYPTION_FLAGS) throw new ZipProblem('ENCRYPTED', `压缩包内的“${e.name}”已加密`)
  if (start + e.compressedSize > bytes.length) throw corrupt(`“${e.name}”的数据不完整`)
  return bytes.subarray(start, start + e.compressedSize)
}

function inflateEntry(bytes, e, limits, totalLeft) {
  const raw = entryData(bytes, e)
  const cap = Math.min(
    limits.maxEntryInflatedBytes,
    totalLeft,
    Math.max(limits.ratioFloorBytes, raw.length * limits.maxRatio)
  )
  const tooBig = () => new ZipProblem('ZIP_BOMB', `“${e.name}”解压后超过 ${Math.floor(cap / 1024 / 1024)} MiB`)
  let data
  if (e.method === STORED) {
    if (raw.length > cap) throw tooBig()
    data = raw
  } else {
    try {
      data = inflateRawSync(raw, { maxOutputLength: cap })
    } catch (err) {
      if (err.code === 'ERR_BUFFER_TOO_LARGE') throw tooBig()
      throw corrupt(`“${e.name}”无法解压（文件已损坏）`)
    }
  }
  if (crc32(data) !== e.crc) throw corrupt(`“${e.name}”校验失败（文件已损坏）`)
  return data
}
