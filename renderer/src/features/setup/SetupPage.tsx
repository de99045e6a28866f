/** First start: which unit is this computer's, and who fills the forms (填报人 and 联系电话 go on every form). */
import { useState } from 'react'
import type { Campaign } from '@shared/campaign/campaign'
import { departments, towns } from '@shared/campaign/campaign'
import type { Profile } from '@shared/ipc/contract'
import { normalizePhone } from '@shared/domain/normalize'
import { phoneKind } from '@shared/domain/phone'
import { invoke } from '../../api/client'

interface Props {
  campaign: Campaign
  initial: Profile | null
  onSaved: (profile: Profile) => void
  onCancel?: () => void
}

export function SetupPage({ campaign, initial, onSaved, onCancel }: Props): React.JSX.Element {
  const [unitId, setUnitId] = useState(initial?.unitId ?? '')
  const [filler, setFiller] = useState(initial?.filler ?? '')
  const [phone, setPhone] = useState(initial?.phone ?? '')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    const p = normalizePhone(phone)
    if (!unitId) return setError('请选择本单位。')
    if (!filler.trim()) return setError('请填写填报人姓名。')
    if (!phoneKind(p)) return setError('联系电话应为11位手机号或固定电话（如 0930-6212345）。')
    setBusy(true)
    const r = await invoke('profile:save', { unitId, filler: filler.trim(), phone: p })
    setBusy(false)
    if (r.ok) onSaved(r.value)
    else setError(r.error.message)
  }

  const option = (id: string, name: string): React.JSX.Element => (
    <label key={id} className={`unit-option${unitId === id ? ' chosen' : ''}`}>
      <input type="radio" name="unit" value={id} checked={unitId === id} onChange={() => setUnitId(id)} />
      {name}
    </label>
  )

  return (
    <form className="setup" onSubmit={(e) => void submit(e)}>
      <h1>{initial ? '修改本单位信息' : '欢迎使用散乱污台账'}</h1>
      <p className="lead">{campaign.name}。请先选择本机所属单位，并填写填报人信息（将印在导出的报表上）。</p>
      <fieldset>
        <legend>镇（街道）</legend>
        <div className="unit-grid">{towns(campaign).map((u) => option(u.id, u.name))}</div>
      </fieldset>
      <fieldset>
        <legend>市直部门</legend>
        <div className="unit-grid">{departments(campaign).map((u) => option(u.id, u.name))}</div>
      </fieldset>
      <fieldset>
        <legend>汇总</legend>
        <div className="unit-grid">{option(campaign.office.id, `${campaign.office.shortName}（领导小组办公室）`)}</div>
      </fieldset>
      <div className="profile-fields">
        <label>
          填报人
          <input value={filler} onChange={(e) => setFiller(e.target.value)} maxLength={20} autoComplete="name" />
        </label>
        <label>
          联系电话
          <input value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={30} inputMode="tel" placeholder="手机或 0930-xxxxxxx" />
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '保存中…' : '确定'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            取消
          </button>
        )}
      </div>
    </form>
  )
}
