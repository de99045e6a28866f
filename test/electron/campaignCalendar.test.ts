/**
 * The office moves a deadline; the change travels to a unit as the calendar file, whole or not at all, and every
 * service of the unit (due dates, the dashboard's next reports, the office's 报送情况) follows it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ChannelName, In, Out } from '@shared/ipc/contract'
import { contract } from '@shared/ipc/contract'
import { createServices } from '../../electron/services/services'
import type { Services } from '../../electron/services/services'
import { onWorkingDate } from '../helpers/workingDate'

let dirs: string[] = []
let running: Services[] = []
onWorkingDate('2024-05-08')

afterEach(async () => {
  for (const s of running) await s.close()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
  dirs = []
  running = []
})

async function app(unitId: string): Promise<<C extends ChannelName>(channel: C, input: In<C>) => Promise<Out<C>>> {
  const dir = mkdtempSync(join(tmpdir(), 'slw-calendar-'))
  dirs.push(dir)
  const services = createServices(dir, 'web')
  running.push(services)
  const call = <C extends ChannelName>(channel: C, input: In<C>): Promise<Out<C>> =>
    (services.handlers[channel] as (i: In<C>) => Promise<Out<C>>)(input)
  await call('profile:save', { unitId, filler: '王主任', phone: '0930-6210000' })
  return call
}

const EXTEND = { target: 'annex2', date: '2024-05-15', reason: '实施方案5月印发，摸底时间顺延', approvedBy: '市领导小组第2次会议' }

describe('the calendar travels from the office to a unit', () => {
  it('a unit that takes the office’s file is told what moved, and its due dates follow', async () => {
    const office = await app('office')
    const unit = await app('t005')
    expect((await unit('app:bootstrap', {})).campaign.deadlines.find((d) => d.id === 'annex2')?.date).toBe('2024-05-10')

    const changed = await office('calendar:change', EXTEND)
    expect(changed.version).toBe(1)
    expect(changed.changes[0]).toMatchObject({ ...EXTEND, by: '王主任' })
    // The office's own services follow at once: 附件2 is no longer due on 5/10.
    const reporting = (await office('office:dashboard', {})).reporting.find((r) => r.id === 'annex2')
    expect(reporting?.deadline).toBe('2024-05-15')

    const file = await office('calendar:export', {})
    expect(file.fileName).toBe('工作日程-临夏市-第1版.json')
    // The desktop app saves it where the clerk chooses, as it saves the forms.
    expect(contract['file:save'].input.safeParse({ suggestedName: file.fileName, data: file.data }).success).toBe(true)
    const taken = await unit('calendar:import', { fileName: file.fileName, data: file.data })
    expect(taken.message).toBe('已采用第1版工作日程：报送《临夏市“散乱污”问题摸底情况汇总表》（附件2，加盖公章）改为2024年5月15日。')
    const boot = await unit('app:bootstrap', {})
    expect(boot.campaign.deadlines.find((d) => d.id === 'annex2')?.date).toBe('2024-05-15')
    expect(boot.campaign.annexes.find((a) => a.id === 'annex2')?.due).toBe('2024-05-15')

    // The same file again, or an older one, changes nothing and says why.
    await expect(unit('calendar:import', { fileName: file.fileName, data: file.data })).rejects.toMatchObject({
      message: '“工作日程-临夏市-第1版.json”是第1版，本机已采用第1版，无需导入。'
    })
  })

  it('refuses a tampered, foreign or unreadable file whole, and a unit cannot move dates itself', async () => {
    const office = await app('office')
    const unit = await app('t005')
    await office('calendar:change', EXTEND)
    const file = await office('calendar:export', {})
    const json = JSON.parse(Buffer.from(file.data, 'base64').toString('utf8')) as { calendar: { changes: { date: string }[]; campaignId: string } }
    const send = (name: string, body: unknown): Promise<unknown> =>
      unit('calendar:import', { fileName: name, data: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)).toString('base64') })

    const tampered = structuredClone(json)
    ;(tampered.calendar.changes[0] as { date: string }).date = '2024-12-31'
    await expect(send('改过的.json', tampered)).rejects.toMatchObject({ message: '“改过的.json”的校验码不符，文件在传送中被改动或损坏，请向领导小组办公室重新索取。' })
    await expect(send('乱码.json', '{not json')).rejects.toMatchObject({ message: '“乱码.json”不是工作日程文件（无法读取），请向领导小组办公室重新索取。' })
    await expect(send('别的.json', { format: 'slw-profile' })).rejects.toMatchObject({ message: '“别的.json”不是工作日程文件，或文件内容不完整，请向领导小组办公室重新索取。' })
    expect((await unit('calendar:view', {})).version).toBe(0)
    expect((await unit('app:bootstrap', {})).campaign.deadlines.find((d) => d.id === 'annex2')?.date).toBe('2024-05-10')

    await expect(unit('calendar:change', EXTEND)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(office('calendar:change', { ...EXTEND, target: 'weekly-to', date: '2024-07-04' })).rejects.toMatchObject({
      message: '每周报送在星期五，最后一次报送日期须为星期五（2024年7月4日不是）。'
    })
  })

  it('the office cannot send a calendar it never changed', async () => {
    const office = await app('office')
    await expect(office('calendar:export', {})).rejects.toMatchObject({ message: '工作日程尚未调整，各单位按工作方案的时间报送，无需发送日程文件。' })
  })
})
