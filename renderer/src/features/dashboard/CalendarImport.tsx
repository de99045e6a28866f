/** A unit takes in the office's 工作日程 file: its due dates and warnings move with it. */
import { useState } from 'react'
import { invoke } from '../../api/client'
import { Notices } from '../../components/Notices'
import type { PageNotice } from '../../components/Notices'
import { pickFile, readPickedFile } from '../exchange/files'

export function CalendarImport({ onImported }: { onImported: () => void }): React.JSX.Element {
  const [said, setSaid] = useState<PageNotice | null>(null)
  const take = async (): Promise<void> => {
    const file = await pickFile(['.json'])
    if (!file) return
    const read = await readPickedFile(file)
    if (!read.ok) return setSaid({ level: 'error', message: read.message })
    const r = await invoke('calendar:import', { fileName: file.name, data: read.data })
    if (!r.ok) return setSaid({ level: 'error', message: r.error.message })
    setSaid({ level: 'info', message: r.value.message })
    onImported()
  }
  return (
    <>
      <button type="button" onClick={() => void take()}>
        导入日程调整文件…
      </button>
      {said && <Notices notices={[said]} />}
    </>
  )
}
