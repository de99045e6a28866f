/** 联络员名单 at the office: each member unit's latest 分管领导/联络员 and who has not sent them. */
import { contacts } from '@shared/annexes/contacts'
import { invoke } from '../../api/client'
import { useLoaded } from '../../api/useLoaded'
import type { ShowNotice } from '../exchange/exportNotice'
import { tellExport } from '../exchange/exportNotice'
import { FormRowsTable } from './FormRowsTable'

const columns = contacts.columns.filter((c) => c.kind !== 'seq' && c.key !== 'unit')

export function OfficeContactsPanel({ version, onNotice, onError }: { version: number; onNotice: ShowNotice; onError: (m: string) => void }): React.JSX.Element {
  const [view] = useLoaded(() => invoke('office:contacts', {}), [version], onError)
  const exportList = async (): Promise<void> => {
    await tellExport(await invoke('office:contactsExport', {}), onNotice)
  }
  if (!view) return <p className="loading">正在读取……</p>
  return (
    <section>
      <div className="toolbar">
        <span className={view.missing.length ? 'count-error' : ''}>
          {view.missing.length ? `未报送 ${view.missing.length} 个单位：${view.missing.join('、')}` : '成员单位均已报送。'}
        </span>
        <span className="grow" />
        <button type="button" onClick={() => void exportList()} disabled={view.rows.length === 0}>
          导出全市联络员名单
        </button>
      </div>
      <FormRowsTable columns={columns} rows={view.rows} />
    </section>
  )
}
