import { createRequire } from 'node:module'
import { crc32 } from 'node:zlib'

/**
 * The streaming workbook's zip checksums every byte it compresses with the crc-32 package, in JavaScript on the
 * main thread: a consolidation of 50,000 rows is 140 MB of XML, and its checksums took 170 ms of the writing.
 * Node's own crc32 is the same function in C. crc32-stream looks `buf` up on every chunk, so replacing it on the
 * very module crc32-stream loads (found along exceljs's own dependencies) is enough. The seed it passes first is a
 * Buffer, which crc-32 reads as 0; crc-32 returns a signed value. Our importer checks every entry's CRC, so a
 * wrong checksum fails the read-back tests of the consolidated workbook.
 */
const PARENTS = ['exceljs', 'archiver', 'zip-stream', 'compress-commons', 'crc32-stream']
let load = createRequire(import.meta.url)
for (const parent of PARENTS) load = createRequire(load.resolve(parent))
const crc = load('crc-32') as { buf(data: Uint8Array, seed?: unknown): number }

crc.buf = (data, seed) => crc32(data, typeof seed === 'number' ? seed >>> 0 : 0) | 0
