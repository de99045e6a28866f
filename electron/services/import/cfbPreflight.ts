/**
 * Lists the stream names of an OLE2 / Compound File Binary container (.xls, WPS .et, and the wrapper Office puts
 * around a password-protected .xlsx) without interpreting any stream, so an encrypted workbook is recognised by its
 * `EncryptionInfo` stream before a parser is involved. [MS-CFB] §2.2 (header), §2.3 (FAT), §2.6 (directory).
 */

export type CfbScan = { ok: true; names: ReadonlySet<string> } | { ok: false; detail: string }

const END_OF_CHAIN = 0xfffffffe
const FREE_SECT = 0xffffffff
const HEADER_DIFAT_ENTRIES = 109
const DIR_ENTRY_BYTES = 128

export function scanCfb(bytes: Buffer): CfbScan {
  try {
    return { ok: true, names: new Set(directoryNames(bytes)) }
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, detail: e.message }
    throw e
  }
}

function directoryNames(bytes: Buffer): string[] {
  const shift = bytes.readUInt16LE(0x1e)
  if (shift !== 9 && shift !== 12) throw new RangeError('复合文档扇区大小无效')
  const sectorSize = 1 << shift
  const maxSectors = Math.ceil(bytes.length / sectorSize)
  const sector = (n: number): Buffer => {
    const start = (n + 1) * sectorSize
    if (n >= maxSectors || start + sectorSize > bytes.length) throw new RangeError('复合文档不完整')
    return bytes.subarray(start, start + sectorSize)
  }
  const fat = readFat(bytes, sector, sectorSize, maxSectors)
  const names: string[] = []
  const seen = new Set<number>()
  for (let s = bytes.readUInt32LE(0x30); s !== END_OF_CHAIN; s = fat[s] ?? FREE_SECT) {
    if (s === FREE_SECT || seen.has(s)) throw new RangeError('复合文档目录链已损坏')
    seen.add(s)
    const dir = sector(s)
    for (let p = 0; p < sectorSize; p += DIR_ENTRY_BYTES) {
      const type = dir[p + 0x42]
      const length = dir.readUInt16LE(p + 0x40)
      if (type === 0 || length < 2 || length > 64) continue
      names.push(dir.toString('utf16le', p, p + length - 2))
    }
  }
  return names
}

/** The FAT is listed by the 109 DIFAT slots of the header, then by a chain of DIFAT sectors. */
function readFat(bytes: Buffer, sector: (n: number) => Buffer, sectorSize: number, maxSectors: number): Uint32Array {
  const fatSectorCount = bytes.readUInt32LE(0x2c)
  if (fatSectorCount > maxSectors) throw new RangeError('复合文档分配表过大')
  const fatSectors: number[] = []
  for (let i = 0; i < Math.min(fatSectorCount, HEADER_DIFAT_ENTRIES); i++) fatSectors.push(bytes.readUInt32LE(0x4c + i * 4))
  const perDifat = sectorSize / 4 - 1
  for (let s = bytes.readUInt32LE(0x44), hops = 0; fatSectors.length < fatSectorCount; hops++) {
    if (s === END_OF_CHAIN || s === FREE_SECT || hops > maxSectors) throw new RangeError('复合文档分配表不完整')
    const difat = sector(s)
    for (let i = 0; i < perDifat && fatSectors.length < fatSectorCount; i++) fatSectors.push(difat.readUInt32LE(i * 4))
    s = difat.readUInt32LE(perDifat * 4)
  }
  const fat = new Uint32Array(fatSectors.length * (sectorSize / 4))
  fatSectors.forEach((s, i) => {
    const data = sector(s)
    for (let j = 0; j < sectorSize / 4; j++) fat[i * (sectorSize / 4) + j] = data.readUInt32LE(j * 4)
  })
  return fat
}
