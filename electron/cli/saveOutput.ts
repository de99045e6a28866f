import { saveErrorMessage, saveFileAtomically } from '../services/export/saveFile'

/** Saves a file a command was asked to write, atomically; false, after saying why on stderr, when it cannot. */
export async function saveOutput(path: string, bytes: Buffer): Promise<boolean> {
  try {
    await saveFileAtomically(path, bytes)
    return true
  } catch (e) {
    process.stderr.write(`${saveErrorMessage(path, e)}\n`)
    return false
  }
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])

/**
 * JSON text as a file for scripts: UTF-8 with a BOM, because Windows PowerShell 5.1 reads a file (or a pipe) without
 * one in the ANSI code page, 936 on a Chinese PC, and shows the Chinese as mojibake.
 */
export const jsonFileBytes = (text: string): Buffer => Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')])
