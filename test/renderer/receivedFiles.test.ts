/** The office's picked or dropped files sorted out: spreadsheets read, the rest named, subfolders left alone. */
import { describe, expect, it } from 'vitest'
import { dropped, leftOutLines, picked } from '../../renderer/src/features/office/receivedFiles'

const pickedFile = (path: string): { name: string; webkitRelativePath: string } => ({ name: path.split('/').at(-1) as string, webkitRelativePath: path })

/** A stand-in for the browser's FileSystemEntry: a file, or a folder whose reader hands out `batch` entries a call. */
function fileEntry(name: string): FileSystemEntry {
  const entry = { name, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => ok(new File(['x'], name)) }
  return entry as unknown as FileSystemEntry
}
function folderEntry(name: string, children: FileSystemEntry[], batch = 2): FileSystemEntry {
  const createReader = () => {
    let at = 0
    return { readEntries: (ok: (e: FileSystemEntry[]) => void) => ok(children.slice(at, (at += batch))) }
  }
  return { name, isFile: false, isDirectory: true, createReader } as unknown as FileSystemEntry
}

describe('files the office picks or drops', () => {
  it('a chosen folder: the spreadsheets directly in it; other files named; subfolders left unread', () => {
    const r = picked(
      ['收文/附件2-城南街道.xlsx', '收文/工作进展-城南街道.docx', '收文/~$附件2-城南街道.xlsx', '收文/旧版/附件2-城南街道.xlsx', '收文/旧版/说明.txt', '收文/已退回/a.xls'].map(pickedFile)
    )
    expect(r.files.map((f) => f.webkitRelativePath)).toEqual(['收文/附件2-城南街道.xlsx'])
    expect(r.others).toEqual(['工作进展-城南街道.docx'])
    expect(r.subfolders).toEqual(['旧版', '已退回'])
    expect(leftOutLines(r)).toEqual([
      '另有 1 个文件不是表格，未读取：工作进展-城南街道.docx。',
      '子文件夹“旧版”、“已退回”中的文件未读取；如需汇总，请单独选择该文件夹。'
    ])
  })

  it('picked files (no folder): every spreadsheet, nothing to say when nothing was left out', () => {
    const r = picked([pickedFile('附件2-城南街道.xlsx'), pickedFile('b.CSV')])
    expect(r.files.map((f) => f.name)).toEqual(['附件2-城南街道.xlsx', 'b.CSV'])
    expect(leftOutLines(r)).toEqual([])
  })

  it('a drop of a folder (read a batch at a time) and loose files', async () => {
    const folder = folderEntry('收文', [fileEntry('附件2-东关街道.xlsx'), fileEntry('月度工作总结.docx'), folderEntry('旧版', [fileEntry('old.xlsx')]), fileEntry('附件3-东关街道.ods'), fileEntry('.DS_Store')])
    const r = await dropped([folder, fileEntry('附件2-西关街道.xls'), new File(['y'], '附件2-八坊街道.csv')])
    expect(r.files.map((f) => f.name)).toEqual(['附件2-东关街道.xlsx', '附件3-东关街道.ods', '附件2-西关街道.xls', '附件2-八坊街道.csv'])
    expect(r.others).toEqual(['月度工作总结.docx'])
    expect(r.subfolders).toEqual(['旧版'])
  })
})
