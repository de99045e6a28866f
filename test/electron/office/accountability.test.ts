/**
 * 督查问责 at the office over the merge set on 2024-05-20: a 约谈 linked to a notice and the reports owed, a 通报
 * numbered, drafted from the figures and printed as issued; the register survives a restart and an older registry
 * (before the register existed) still opens.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { BULLETIN_TITLE } from '@shared/office/bulletin'
import { RANKING_TITLE } from '../../../electron/services/documents/bulletinDocx'
import type { OfficeService } from '../../../electron/services/office/officeService'
import type { DataDir } from '../../../electron/services/storage/ledgerStore'
import { docxPart, paragraphsOf } from '../documents/docxXml'
import { mergeSetFiles, officeAt } from './officeFixture'

const files = mergeSetFiles((f) => !f.includes('南龙镇'))

let dir: string
let data: DataDir
let office: OfficeService
const open = (): void => {
  ;({ data, office } = officeAt(dir, '2024-05-20T02:00:00Z', '2024-05-20'))
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slw-accountability-'))
  open()
})
afterEach(async () => {
  await data.close()
})

describe('督查问责', () => {
  it('records a 约谈 linked to the notice and the reports a unit owes, and refuses links that are not so', async () => {
    await office.intake.commit((await office.intake.stage(files)).stageId)
    await office.supervision.issueNotice({ unit: '南龙镇', source: '工作督办', items: [], requirements: ['5月15日前报送附件2'], deadline: '2024-05-15' }, '王主任')
    const before = await office.accountability.view()
    const nanlong = before.behind.find((b) => b.unit === '南龙镇')
    expect(nanlong?.items.map((i) => i.label)).toEqual(['附件1', '附件2', '第1期工作进展', '临市散办督〔2024〕1号反馈'])
    expect(before.notices).toEqual([{ number: '临市散办督〔2024〕1号', unit: '南龙镇', overdue: true }])

    const annex2 = nanlong?.items.find((i) => i.id === 'annex2')
    if (!annex2) throw new Error('附件2')
    const dues = [{ unit: '南龙镇', id: annex2.id, label: annex2.label, due: annex2.due }]
    const view = await office.accountability.record(
      { kind: '约谈', date: '2024-05-20', units: ['南龙镇'], person: '马某某（南龙镇分管副镇长）', findings: '附件2逾期10天未报送，督办通知逾期未反馈', notices: ['临市散办督〔2024〕1号'], dues },
      '王主任'
    )
    expect(view.records[0]).toMatchObject({ no: 1, kind: '约谈', units: ['南龙镇'], person: '马某某（南龙镇分管副镇长）', notices: ['临市散办督〔2024〕1号'], dues, recordedBy: '王主任', number: '', bulletin: null })

    await expect(office.accountability.record({ kind: '问责', date: '2024-05-20', units: ['城东街道'], findings: '甲' }, '王')).rejects.toMatchObject({ message: '“城东街道”不是本次整治工作中的单位。' })
    await expect(office.accountability.record({ kind: '问责', date: '2024-05-20', units: ['南龙镇'], findings: '甲', notices: ['临市散办督〔2024〕9号'] }, '王')).rejects.toMatchObject({ message: '没有“临市散办督〔2024〕9号”这份督办通知。' })
    // 八坊街道 sent its 附件2: that is not a report it owes.
    const sent = [{ unit: '八坊街道', id: 'annex2', label: '附件2', due: '2024-05-10' }]
    await expect(office.accountability.record({ kind: '约谈', date: '2024-05-20', units: ['八坊街道'], findings: '甲', dues: sent }, '王')).rejects.toMatchObject({
      message: '八坊街道的“附件2”今天已不在逾期未报事项中，请刷新后重新选择。'
    })
    expect((await office.accountability.view()).records).toHaveLength(1)
  })

  it('issues numbered 通报 drafted from the figures and prints each as it was issued, also after a restart', async () => {
    await office.intake.commit((await office.intake.stage(files)).stageId)
    const first = await office.accountability.issueBulletin(['市工信局'], '王主任')
    const b = first.records[0]
    expect(b).toMatchObject({ no: 1, kind: '通报', number: '临市散办通〔2024〕1号', date: '2024-05-20' })
    // Every unit owes 附件1 on 5/20: all are named; 南龙镇 also for 附件2.
    expect(b?.units).toHaveLength(24)
    expect(b?.dues.filter((d) => d.id === 'annex2').map((d) => d.unit)).toEqual(['南龙镇'])
    expect(b?.bulletin?.sections[2]?.text.split('\n')).toContain('附件2（5月10日前）逾期未报送的有1个单位：南龙镇。')
    expect(b?.bulletin?.ranking.map((r) => r.unit)).not.toContain('南龙镇')
    expect(b?.bulletin?.copyTo).toEqual(['临夏市工业和信息化局'])

    const docx = docxPart(Buffer.from((await office.accountability.exportBulletin(1, { name: '王主任', phone: '0930-6210000' })).data, 'base64'))
    const texts = paragraphsOf(docx).map((p) => p.text).filter((t) => t !== '')
    expect(texts.slice(0, 5)).toEqual([defaultCampaign.office.name, '临市散办通〔2024〕1号', BULLETIN_TITLE, '各镇人民政府、街道办事处，市直各有关部门：', b?.bulletin?.opening])
    expect(texts).toContain(`附件：${RANKING_TITLE}`)
    expect(texts).toContain('抄送：临夏市工业和信息化局。')
    expect(texts.at(-1)).toBe('\t2024年5月20日印发')
    const table = /<w:tbl>.*<\/w:tbl>/.exec(docx)?.[0] ?? ''
    expect([...table.matchAll(/<w:tr>/g)]).toHaveLength(1 + 10)

    expect((await office.accountability.issueBulletin([], '王主任')).records[0]?.number).toBe('临市散办通〔2024〕2号')
    await data.close()
    open()
    const again = docxPart(Buffer.from((await office.accountability.exportBulletin(1, { name: '王主任', phone: '0930-6210000' })).data, 'base64'))
    expect(again).toBe(docx)
    expect((await office.accountability.view()).records.map((r) => r.number)).toEqual(['临市散办通〔2024〕2号', '临市散办通〔2024〕1号'])
  })

  it('opens a registry written before the register existed (schema version 2), with an empty register', async () => {
    await data.close()
    const payload = JSON.stringify({ submissions: [], decisions: [], notices: [] })
    const meta = { format: 'slw-office', schemaVersion: 2, generation: 1, savedAt: '2024-05-01T00:00:00.000Z', appVersion: '0.9.0', sha256: createHash('sha256').update(payload).digest('hex') }
    mkdirSync(join(dir, 'office', 'files'), { recursive: true })
    writeFileSync(join(dir, 'office', 'registry.json'), `${JSON.stringify(meta).slice(0, -1)},"payload":${payload}}`)
    open()
    expect((await office.accountability.view()).records).toEqual([])
    await office.accountability.record({ kind: '督查', date: '2024-05-20', units: ['城南街道'], findings: '现场督查3家，1家未断电' }, '王主任')
    expect((await office.accountability.view()).records).toHaveLength(1)
  })
})
