/**
 * Importing a spreadsheet into the unit's ledger: pick or drop one file, preview what it would change, then take it
 * whole or not at all; the last import can be undone.
 */
import { useState } from 'react'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { ImportPreview, LedgerView } from '@shared/ipc/contract'
import { LEDGER_FILE_MIB } from '@shared/ipc/contract'
import type { RecordFields } from '@shared/ledger/record'
import { SPREADSHEET_EXTENSIONS, isSpreadsheetFile } from '@shared/merge/submissionFile'
import { invoke } from '../../api/client'
import type { PageNotice } from '../../components/Notices'
import type { Track } from '../../components/Progress'
import { pickSpreadsheet, readPickedFile } from '../exchange/files'

interface ImportContext {
  unitId: string
  /** The form the file is read as: the tab the clerk is on. */
  annex: AnnexDefinition<RecordFields>
  readOnly: boolean
  /** Every save settled first, so the preview compares the file with what the clerk sees. */
  savedFirst: () => Promise<boolean>
  say: (notice: PageNotice) => void
  /** The ledger was replaced as a whole (the import, or its undo). */
  onViewChange: (view: LedgerView) => void
  /** Runs a long request with its progress shown. */
  track: Track
}

export function useImportFlow({ unitId, annex, readOnly, savedFirst, say, onViewChange, track }: ImportContext) {
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [busy, setBusy] = useState(false)
  const [lastImport, setLastImport] = useState<{ stageId: string; summary: string } | null>(null)
  /** The file being previewed, read again when the clerk assigns its columns. */
  const [source, setSource] = useState<{ fileName: string; data: string } | null>(null)

  const startImport = async (): Promise<void> => {
    const file = await pickSpreadsheet()
    if (file) await importFile(file)
  }

  /** A file dropped on the page is imported as if picked: one spreadsheet at a time, never while another waits. */
  const importDropped = (files: readonly File[]): void => {
    const sheets = files.filter((f) => isSpreadsheetFile(f.name))
    if (busy || preview) return
    if (readOnly) return say({ level: 'error', message: '台账当前为只读，不能导入表格。' })
    if (sheets.length !== 1) {
      const why = sheets.length === 0 ? `拖入的不是表格文件（${SPREADSHEET_EXTENSIONS.join('、')}）` : `一次只能导入一个表格，拖入了 ${sheets.length} 个`
      return say({ level: 'info', message: `${why}，台账没有改动。` })
    }
    void importFile(sheets[0] as File)
  }

  const importFile = async (file: File): Promise<void> => {
    if (file.size > LEDGER_FILE_MIB * 1024 * 1024) return say({ level: 'error', message: `文件“${file.name}”超过 ${LEDGER_FILE_MIB} MB，请删去不需要的工作表或行后再导入。` })
    if (!(await savedFirst())) return
    setBusy(true)
    const read = await readPickedFile(file)
    setBusy(false)
    if (!read.ok) return say({ level: 'error', message: read.message })
    setSource({ fileName: file.name, data: read.data })
    await showPreview({ fileName: file.name, data: read.data })
  }

  const showPreview = async (file: { fileName: string; data: string }, mapping?: Record<string, string | null>): Promise<void> => {
    setBusy(true)
    const r = await track((progressId) => invoke('import:preview', { unitId, ...file, annex: annex.id, ...(mapping ? { mapping } : {}), progressId }))
    setBusy(false)
    if (r.ok) setPreview(r.value)
    else say({ level: 'error', message: r.error.message })
  }

  const remap = (mapping: Record<string, string | null>): void => {
    if (source) void showPreview(source, mapping)
  }

  const confirmImport = async (acceptOtherUnit: boolean): Promise<void> => {
    if (!preview) return
    setBusy(true)
    const r = await track((progressId) => invoke('import:commit', { unitId, stageId: preview.stageId, acceptOtherUnit, progressId }))
    setBusy(false)
    setPreview(null)
    if (!r.ok) return say({ level: 'error', message: r.error.message })
    setLastImport({ stageId: r.value.stageId, summary: r.value.summary })
    onViewChange(r.value.view)
  }

  const undoImport = async (): Promise<void> => {
    if (!lastImport || !(await savedFirst())) return
    const r = await invoke('import:undo', { unitId, stageId: lastImport.stageId })
    setLastImport(null)
    if (!r.ok) return say({ level: 'error', message: r.error.message })
    say({ level: 'info', message: '已撤销这次导入，台账恢复为导入前的内容。' })
    onViewChange(r.value)
  }

  return { preview, busy, lastImport, startImport, importDropped, confirmImport, remap, undoImport, cancel: () => setPreview(null), forgetLastImport: () => setLastImport(null) }
}
