/**
 * What the office picked or dropped, sorted out: the spreadsheets to read, and what was left out, by name. A folder
 * gives the files directly in it, not those of its subfolders (旧版, 已退回 …), as `slw merge` takes a folder; a
 * subfolder is read only when chosen itself. Nothing is left out without a word.
 */
import { isSubmissionFile, isWorthNaming } from '@shared/merge/submissionFile'

export interface Received<F> {
  files: F[]
  /** Files that are not spreadsheets (Word reports, scans …). */
  others: string[]
  /** Subfolders of a chosen folder, whose files were not read. */
  subfolders: string[]
}

function sortOut<F extends { name: string }>(files: readonly F[], subfolders: Iterable<string>): Received<F> {
  return {
    files: files.filter((f) => isSubmissionFile(f.name)),
    others: files.filter((f) => !isSubmissionFile(f.name) && isWorthNaming(f.name)).map((f) => f.name),
    subfolders: [...new Set(subfolders)].filter(isWorthNaming)
  }
}

/**
 * Files from the file picker, or from the folder picker, which hands over every file below the folder with its
 * path under it (收文/旧版/附件2.xlsx).
 */
export function picked<F extends { name: string; webkitRelativePath: string }>(files: readonly F[]): Received<F> {
  const direct: F[] = []
  const subfolders: string[] = []
  for (const f of files) {
    const [, folder, ...below] = f.webkitRelativePath.split('/')
    if (below.length === 0) direct.push(f)
    else subfolders.push(folder as string)
  }
  return sortOut(direct, subfolders)
}

/**
 * What a drop holds: files, and folders as entries (Chromium, hence Electron, gives a dropped folder as a file that
 * cannot be read). Taken during the drop event itself, which empties the list when it ends.
 */
export function droppedEntries(items: DataTransferItemList): (FileSystemEntry | File)[] {
  return [...items].flatMap((item): (FileSystemEntry | File)[] => {
    if (item.kind !== 'file') return []
    const entry = item.webkitGetAsEntry()
    const file = entry ? null : item.getAsFile()
    return entry ? [entry] : file ? [file] : []
  })
}

const fileOf = (entry: FileSystemFileEntry): Promise<File> => new Promise((resolve, reject) => entry.file(resolve, reject))

/** All entries of a folder: the reader gives them a batch at a time (100 in Chromium) until an empty one. */
async function entriesOf(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader()
  const all: FileSystemEntry[] = []
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
    if (batch.length === 0) return all
    all.push(...batch)
  }
}

const isEntry = (d: FileSystemEntry | File): d is FileSystemEntry => 'isDirectory' in d

export async function dropped(entries: readonly (FileSystemEntry | File)[]): Promise<Received<File>> {
  const files: File[] = []
  const subfolders: string[] = []
  for (const d of entries) {
    if (!isEntry(d)) files.push(d)
    else if (d.isFile) files.push(await fileOf(d as FileSystemFileEntry))
    else {
      for (const child of await entriesOf(d as FileSystemDirectoryEntry)) {
        if (child.isFile) files.push(await fileOf(child as FileSystemFileEntry))
        else subfolders.push(child.name)
      }
    }
  }
  return sortOut(files, subfolders)
}

/** What was left out, in Chinese, a line each; none when nothing was. */
export function leftOutLines(r: Received<unknown>): string[] {
  const quoted = (names: readonly string[]): string => names.map((n) => `“${n}”`).join('、')
  return [
    ...(r.others.length ? [`另有 ${r.others.length} 个文件不是表格，未读取：${r.others.join('、')}。`] : []),
    ...(r.subfolders.length ? [`子文件夹${quoted(r.subfolders)}中的文件未读取；如需汇总，请单独选择该文件夹。`] : [])
  ]
}
