/**
 * 临市散办督〔2024〕3号 to 八坊街道 on three overdue items, as a 红头文件: issuer in red, 发文字号 over the red line,
 * title, 主送, items, requirements 一、二、三、, deadline, 附件说明, 落款 and 联系人, and the 问题清单 table on a page of
 * its own; printed, page 1 reads as the first page of an official document.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { ANNEX_TITLE, writeNoticeDocx } from '../../../electron/services/documents/noticeDocx'
import { onPath } from '../export/pdf'
import { compact, docxPart, paragraphWith, paragraphsOf, printDocx, printFolder } from './docxXml'
import { sampleNotice } from './samples'
import type { SupervisionNotice } from '@shared/reports/documents'

const OFFICE = '临夏市“散乱污”问题清理整治领导小组办公室'
const NUMBER = '临市散办督〔2024〕3号'
const PROBLEMS = ['LXS-2024-005-0007', 'LXS-2024-005-0012', 'LXS-2024-005-0019']
const NOTICE_TITLE = '关于“散乱污”问题整治有关事项的督办通知'

describe('督办通知 docx', () => {
  let xml: string
  beforeAll(async () => {
    xml = docxPart(await writeNoticeDocx(sampleNotice()))
  })

  it('opens with the 红头, 35 mm down, the 发文字号 over the red line, the title and 主送单位', () => {
    const ps = paragraphsOf(xml)
    const texts = ps.map((p) => p.text).filter((t) => t !== '')
    expect(texts.slice(0, 4)).toEqual([OFFICE, NUMBER, NOTICE_TITLE, '临夏市八坊街道办事处：'])
    const head = ps[0]
    expect(head?.props).toContain('w:before="1984"')
    expect(head?.runs[0]?.font).toBe('方正小标宋简体')
    expect(head?.runs[0]?.props).toContain('<w:color w:val="FF0000"/>')
    expect(head?.runs[0]?.props).toMatch(/<w:w w:val="(\d+)"\/>/) // narrowed to fit one line
    expect(paragraphWith(ps, NUMBER).props).toMatch(/<w:bottom w:val="single" w:color="FF0000" w:sz="12" w:space="11"\/>/)
    const title = paragraphWith(ps, NOTICE_TITLE)
    expect(title.runs[0]?.props).toContain('<w:sz w:val="44"/>') // 2号
    expect(title.props).toContain('<w:jc w:val="center"/>')
    expect(paragraphWith(ps, '临夏市八坊街道办事处：').props).not.toContain('w:firstLine')
  })

  // Issue 19: a record merged without a 问题编号 printed “问题编号：<its name>”.
  it('opens an item without a 问题编号 with its name, and marks it 未编号 in the list', async () => {
    const sample = sampleNotice()
    const first = { ...(sample.items[0] as SupervisionNotice['items'][number]), problemNo: '' }
    const doc = docxPart(await writeNoticeDocx({ ...sample, items: [first, ...sample.items.slice(1)] }))
    const texts = paragraphsOf(doc).map((p) => p.text)
    expect(texts.find((t) => t.startsWith('1.'))).toBe(`1.${first.name}（${first.address}），${first.issue}。`)
    expect(texts.join('')).not.toContain('问题编号：')
    expect(texts).toContain('（未编号）')
  })

  it('lists the items with their numbers, then the requirements 一、二、三、 and the deadline', () => {
    const texts = paragraphsOf(xml).map((p) => p.text)
    const items = texts.filter((t) => /^\d\.问题编号/.test(t))
    expect(items.map((t) => t.slice(0, 24))).toEqual(PROBLEMS.map((no, i) => `${i + 1}.问题编号${no}：`))
    expect(items[2]).toBe('3.问题编号LXS-2024-005-0019：韩某某石材切割点（八坊街道铁匠庄社区解放路西侧），整合搬迁类，完成时限2024年6月10日，逾期未搬迁，原址仍在生产。')
    expect(texts.find((t) => t.startsWith('根据'))).toContain('以下3个问题（问题来源：台账核查）予以督办')
    const requirements = texts.filter((t) => /^[一二三]、/.test(t))
    expect(requirements.map((t) => t.slice(0, 2))).toEqual(['一、', '二、', '三、'])
    expect(paragraphWith(paragraphsOf(xml), '二、').runs[0]).toMatchObject({ font: '黑体', text: '二、严格落实“两断三清”。' })
    expect(texts).toContain(
      '请于2024年6月28日前办结，并按以下方式反馈办理情况：书面报送市“散乱污”问题清理整治领导小组办公室（市工信局），电子版同时通过台账系统报送。'
    )
  })

  it('leaves a long list to the 附件 alone: the body counts the items instead of naming each again', async () => {
    const sample = sampleNotice()
    const items = Array.from({ length: 12 }, (_, i) => ({
      ...(sample.items[i % 3] as SupervisionNotice['items'][number]),
      problemNo: `LXS-2024-005-${String(i + 1).padStart(4, '0')}`
    }))
    const long = docxPart(await writeNoticeDocx({ ...sample, items }))
    const texts = paragraphsOf(long).map((p) => p.text)
    expect(texts.filter((t) => /^\d+\.问题编号/.test(t))).toEqual([])
    expect(texts.find((t) => t.startsWith('根据'))).toContain('现将你单位负责的12个问题（问题来源：台账核查）予以督办，问题清单见附件。')
    const table = /<w:tbl>.*<\/w:tbl>/.exec(long)?.[0] ?? ''
    expect([...table.matchAll(/<w:tr>/g)]).toHaveLength(13)
  })

  it('closes with 附件说明, 落款 and 联系人 kept together', () => {
    const ps = paragraphsOf(xml)
    const texts = ps.map((p) => p.text)
    const from = texts.indexOf(`附件：${ANNEX_TITLE}`)
    expect(texts.slice(from).filter((t) => t !== '').slice(0, 4)).toEqual([
      `附件：${ANNEX_TITLE}`,
      OFFICE,
      '2024年6月20日',
      '（联系人：王建军，联系电话：0930-6213456）'
    ])
    // Everything from the last body paragraph to the date keeps with the next, so the 落款 never stands alone.
    const deadline = texts.findIndex((t) => t.startsWith('请于'))
    const date = texts.indexOf('2024年6月20日')
    for (const p of ps.slice(deadline, date + 1)) expect(p.props, p.text).toContain('<w:keepNext/>')
  })

  it('leaves room to write the 联系人 by hand when none is on file', async () => {
    const texts = paragraphsOf(docxPart(await writeNoticeDocx({ ...sampleNotice(), contact: { name: '', phone: ' ' } })))
    expect(texts.map((p) => p.text)).toContain('（联系人：　　　　，联系电话：　　　　　　　）')
  })

  it('ends with the 版记: 抄送 between a thick and a thin rule, 印发机关 and 印发日期 over a thick one', () => {
    const ps = paragraphsOf(xml)
    const copy = paragraphWith(ps, '抄送：')
    expect(copy.text).toBe('抄送：临夏市工业和信息化局，临夏市市场监督管理局。')
    expect(copy.props).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"/)
    expect(copy.props).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="6"/)
    expect(copy.props).toContain('<w:keepNext/>')
    // The office's long name leaves the date no room on its line: the date goes right on the next, over the rule.
    const [issuer, printed] = ps.slice(-2)
    expect(issuer?.text).toBe(OFFICE)
    expect(issuer?.runs[0]?.props).toContain('<w:sz w:val="28"/>') // 4号
    expect(printed?.text).toBe('\t2024年6月20日印发')
    expect(printed?.props).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="8"/)
    expect(printed?.props).toContain('<w:tab w:val="right"')
  })

  it('prints a short 印发机关 and its date on one line', async () => {
    const doc = docxPart(await writeNoticeDocx({ ...sampleNotice(), issuer: '临夏市工业和信息化局' }))
    expect(paragraphsOf(doc).at(-1)?.text).toBe('临夏市工业和信息化局\t2024年6月20日印发')
  })

  // Issue 19: the office could not issue a notice on the work itself (the 5-15 部署), nor one without 抄送.
  it('a notice with no problems: the requirements alone, no 附件, the 版记 without 抄送', async () => {
    const work = { ...sampleNotice(), items: [], copyTo: [], title: '关于加快推进清理整治阶段工作的督办通知' }
    const doc = docxPart(await writeNoticeDocx(work))
    const ps = paragraphsOf(doc)
    const texts = ps.map((p) => p.text).filter((t) => t !== '')
    expect(texts.slice(2, 6)).toEqual([
      '关于加快推进清理整治阶段工作的督办通知',
      '临夏市八坊街道办事处：',
      '根据“散乱污”问题清理整治工作安排，为确保各项工作按期完成，请你单位抓紧落实以下工作。',
      '现就有关工作督办如下：'
    ])
    expect(texts.some((t) => t.startsWith('附件'))).toBe(false)
    expect(doc).not.toContain('<w:tbl>')
    expect(texts.some((t) => t.startsWith('抄送'))).toBe(false)
    expect(ps.at(-2)?.text).toBe(OFFICE)
    expect(ps.at(-2)?.props).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"/)
  })

  it('attaches the 问题清单 as a bordered table on a new page', () => {
    const mark = paragraphsOf(xml).find((p) => p.text === '附件')
    expect(mark?.props).toContain('<w:pageBreakBefore/>')
    expect(mark?.runs[0]?.font).toBe('黑体')
    const table = /<w:tbl>.*<\/w:tbl>/.exec(xml)?.[0] ?? ''
    expect(table).toContain('<w:tblBorders>')
    const rows = [...table.matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map((r) => paragraphsOf(r[1] ?? '').map((p) => p.text))
    expect(rows[0]).toEqual(['序号', '问题编号', '企业（场所）名称', '详细地址', '存在问题'])
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['1', PROBLEMS[0], '临夏市八坊马记皮毛加工作坊'],
      ['2', PROBLEMS[1], '临夏市祥和木器加工厂'],
      ['3', PROBLEMS[2], '韩某某石材切割点']
    ])
    expect(table).toContain('<w:tblHeader/>')
  })
})

describe.skipIf(!onPath('soffice') || !onPath('pdftotext'))('督办通知 printed', () => {
  const dir = printFolder('slw-notice-')

  it('prints the notice on two pages and the 问题清单 on a third', async () => {
    const { pages, text } = await printDocx(dir(), 'notice', await writeNoticeDocx(sampleNotice()))
    expect(pages).toBe(3)
    const first = (text[0] ?? '').split('\n').map(compact).filter((l) => l !== '')
    expect(first.slice(0, 5)).toEqual([OFFICE, NUMBER, NOTICE_TITLE, '临夏市八坊街道办事处：', '根据“散乱污”问题清理整治工作安排，按照“一件一号、'])
    expect(first.at(-1)).toBe('—1—')
    // The 落款 shares its page with the end of the body.
    const second = compact(text[1] ?? '')
    for (const line of ['请于2024年6月28日前办结', `附件：${ANNEX_TITLE}`, `${OFFICE}2024年6月20日`, '联系人：王建军']) {
      expect(second).toContain(line)
    }
    const annex = compact(text[2] ?? '')
    expect(annex.startsWith(`附件${ANNEX_TITLE}序号问题编号企业（场所）名称详细地址存在问题`)).toBe(true)
    for (const no of PROBLEMS) expect(annex).toContain(no)
  }, 180_000)
})
