import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { readAnnexWorkbook } from '../../electron/services/import/readAnnexWorkbook'
import { ImportStager } from '../../electron/services/ledgerImport'
import { readSubmission } from '../../electron/services/merge/readSubmission'
import { OfficeService } from '../../electron/services/office/officeService'
import { DataDir } from '../../electron/services/storage/ledgerStore'
import { docxPart, paragraphsOf } from '../electron/documents/docxXml'
import type { RunningApp } from './harness'
import { annex2Fixtures, dataDirFor, launchApp, repoRoot } from './harness'
import { onWorkingDate } from '../helpers/workingDate'

const TODAY = '2024-06-20'
const results = join(repoRoot, 'test-results')
onWorkingDate(TODAY)
let unitApp: RunningApp
let officeApp: RunningApp

beforeAll(async () => {
  mkdirSync(results, { recursive: true })
  const unitDir = await dataDirFor({ unitId: 't005', filler: '马晓明', phone: '0930-6212345' })
  const unitData = new DataDir(unitDir, { appVersion: 'test', campaign: defaultCampaign })
  const stager = new ImportStager(unitData, defaultCampaign, (b, name, annex) => readAnnexWorkbook(b, name, { annex }))
  const p = await stager.preview('t005', 'clean-bafang.xlsx', await readFile(join(annex2Fixtures, 'clean-bafang.xlsx')))
  await stager.commit('t005', p.stageId, false, '马晓明')
  await unitData.close()
  unitApp = await launchApp({ dataDir: unitDir })

  const officeDir = await dataDirFor({ unitId: 'office', filler: '王主任', phone: '0930-6210000' })
  const officeData = new DataDir(officeDir, { appVersion: 'test', campaign: defaultCampaign })
  const office = new OfficeService(officeData, defaultCampaign, (b, name, at) => readSubmission(b, name, at, defaultCampaign), 'test')
  const mergeSet = resolve(annex2Fixtures, 'merge-set')
  const files = readdirSync(mergeSet).filter((f) => f.endsWith('.xlsx')).map((f) => ({ fileName: f, data: readFileSync(join(mergeSet, f)).toString('base64') }))
  await office.intake.commit((await office.intake.stage(files)).stageId)
  await officeData.close()
  officeApp = await launchApp({ dataDir: officeDir })
})
afterAll(async () => {
  await unitApp?.close()
  await officeApp?.close()
})

async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const download = page.waitForEvent('download')
  await click()
  const path = await (await download).path()
  return readFile(path)
}

describe('reporting in Chromium (working date 2024-06-20)', () => {
  it('a unit drafts, edits and exports its Friday report (Word and Excel)', async () => {
    const page = unitApp.page
    await page.getByRole('button', { name: '每周工作进展' }).click()
    await page.getByLabel('报告周').selectOption('2024-05-17')
    const figures = page.getByRole('table', { name: '本周数据' })
    await expect.poll(() => figures.textContent()).toContain('摸底问题数新发现 030')
    const overview = page.getByLabel('一、总体工作情况（累计）')
    await expect.poll(() => overview.inputValue()).toContain('截至5月17日，八坊街道共摸底排查“散乱污”问题30个')
    await page.getByLabel('三、存在问题').fill('个别经营者不配合，已联合市场监管局约谈。')
    const docx = await downloaded(page, () => page.getByRole('button', { name: '导出报告（Word）' }).click())
    expect(docx.subarray(0, 2).toString()).toBe('PK')
    const xlsx = await downloaded(page, () => page.getByRole('button', { name: '导出附表（Excel）' }).click())
    expect(xlsx.subarray(0, 2).toString()).toBe('PK')
    await page.getByLabel('报告周').selectOption('2024-05-24')
    await page.getByLabel('报告周').selectOption('2024-05-17')
    await expect.poll(() => page.getByLabel('三、存在问题').inputValue()).toBe('个别经营者不配合，已联合市场监管局约谈。')
  })

  it('a unit exports the 月度工作总结 of the month, drafted from its ledger, to send with 附件3', async () => {
    const page = unitApp.page
    await page.getByLabel('报告周').selectOption('2024-05-31')
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出月度工作总结（Word）' }).click()
    expect((await download).suggestedFilename()).toBe('月度工作总结-八坊街道-20240531.docx')
    const texts = paragraphsOf(docxPart(await readFile((await (await download).path()) as string))).map((p) => p.text)
    expect(texts).toContain('八坊街道2024年5月份“散乱污”问题清理整治工作总结')
    expect(texts.find((t) => t.startsWith('5月1日至5月31日'))).toContain('新发现“散乱污”问题30个')
    expect(await page.locator('.notice').first().textContent()).toContain('请在 Word 或 WPS 中补充主要做法后，连同附件3一并报送')
    await page.screenshot({ path: join(results, 'e2e-weekly.png') })
  })

  it('the unit dashboard shows its figures and next reports', async () => {
    const page = unitApp.page
    await page.getByRole('button', { name: '统计图表' }).click()
    await expect.poll(() => page.locator('.kpis').textContent()).toContain('30摸底问题')
    expect(await page.getByRole('img', { name: '按整治类别的应完成和已完成' }).count()).toBe(1)
    expect(await page.locator('.upcoming').textContent()).toContain('6月21日前')
  })

  it('the office issues a 督办通知, the dashboard flags the unit, and its 反馈 clears it', async () => {
    const page = officeApp.page
    const kpi = (label: string) => page.locator('.kpi', { hasText: label }).locator('.value')
    await expect.poll(() => kpi('逾期未反馈督办').textContent()).toBe('0')
    await page.getByRole('tab', { name: /督办通知/ }).click()
    await page.getByLabel('主送单位').selectOption('城郊镇')
    await expect.poll(() => page.locator('.issue-form tbody tr').count()).toBeGreaterThan(0)
    await page.getByLabel('办理时限', { exact: true }).fill('2024-06-19')
    await page.getByRole('button', { name: /印发督办通知/ }).click()
    const row = page.locator('.register tr', { hasText: '临市散办督〔2024〕1号' })
    await expect.poll(() => row.textContent()).toContain('逾期未反馈')
    const notice = await downloaded(page, () => row.getByRole('button', { name: '导出 Word' }).click())
    expect(notice.subarray(0, 2).toString()).toBe('PK')

    await page.getByRole('tab', { name: '总览' }).click()
    await expect.poll(() => kpi('逾期未反馈督办').textContent()).toBe('1')
    const chengjiao = page.locator('.behind li', { hasText: '城郊镇：' })
    expect(await chengjiao.textContent()).toContain('临市散办督〔2024〕1号反馈（6月19日前）')
    await page.screenshot({ path: join(results, 'e2e-office-dashboard-before.png') })

    await page.getByRole('tab', { name: /督办通知/ }).click()
    await row.getByLabel('临市散办督〔2024〕1号 办理结果').fill('已逐户核实，完成整改3户，其余限期6月30日前完成')
    await row.getByRole('button', { name: '记录反馈' }).click()
    await expect.poll(() => row.textContent()).toContain('已逐户核实')
    await page.getByRole('tab', { name: '总览' }).click()
    await expect.poll(() => kpi('逾期未反馈督办').textContent()).toBe('0')
    expect(await chengjiao.textContent()).not.toContain('临市散办督')
    await page.screenshot({ path: join(results, 'e2e-office-dashboard.png') })
  })

  it('the office picks three problems a 牵头单位 leads, 抄送 two units, and issues a work notice with no problems', async () => {
    const page = officeApp.page
    await page.getByRole('tab', { name: /督办通知/ }).click()
    await page.getByLabel('主送单位').selectOption('市自然资源局')
    // The problems the department leads, in every town.
    const rows = page.locator('.issue-form table.problems tbody tr')
    await expect.poll(() => rows.count()).toBeGreaterThan(3)
    expect(new Set(await rows.locator('td:nth-child(5)').allTextContents())).toEqual(new Set(['市自然资源局']))
    expect(new Set(await rows.locator('td:nth-child(2)').allTextContents()).size).toBeGreaterThan(1)
    const everyShown = page.getByLabel('选择筛选出的全部问题')
    await everyShown.check()
    await everyShown.uncheck()
    for (const i of [0, 2, 4]) await rows.nth(i).getByRole('checkbox').check()
    const picked = await Promise.all([0, 2, 4].map(async (i) => (await rows.nth(i).locator('td:nth-child(4)').textContent()) ?? ''))
    await page.getByLabel('事由').fill('加快推进建筑材料领域“散乱污”问题整治')
    await page.locator('.issue-form .unit-checklist summary').click()
    for (const unit of ['城郊镇', '市工信局']) await page.locator('.copy-to label', { hasText: unit }).getByRole('checkbox').check()
    await page.getByLabel('办理时限', { exact: true }).fill('2024-06-27')
    await page.getByRole('button', { name: '印发督办通知（3 项）' }).click()
    const lead = page.locator('.register tr', { hasText: '临市散办督〔2024〕2号' })
    await expect.poll(() => lead.textContent()).toContain('市自然资源局（抄送城郊镇、市工信局）')
    expect(await lead.textContent()).toContain('3 项')
    const leadDocx = await downloaded(page, () => lead.getByRole('button', { name: '导出 Word' }).click())
    writeFileSync(join(results, 'e2e-notice-lead.docx'), leadDocx)
    const leadText = paragraphsOf(docxPart(leadDocx)).map((p) => p.text)
    expect(leadText).toContain('关于加快推进建筑材料领域“散乱污”问题整治的督办通知')
    expect(leadText).toContain('临夏市自然资源局：')
    for (const name of picked) expect(leadText.join('')).toContain(name)
    expect(leadText).toContain('抄送：临夏市城郊镇人民政府，临夏市工业和信息化局。')

    await page.getByLabel('主送单位').selectOption('八坊街道')
    await everyShown.check()
    await everyShown.uncheck()
    await page.getByLabel(/工作要求/).fill('于6月28日前报送月度工作总结和附件3\n对已关停取缔的问题开展巡查，严防死灰复燃')
    await page.getByRole('button', { name: '印发督办通知（工作督办，不列问题）' }).click()
    const work = page.locator('.register tr', { hasText: '临市散办督〔2024〕3号' })
    await expect.poll(() => work.textContent()).toContain('工作督办')
    const workDocx = await downloaded(page, () => work.getByRole('button', { name: '导出 Word' }).click())
    writeFileSync(join(results, 'e2e-notice-work.docx'), workDocx)
    const workText = paragraphsOf(docxPart(workDocx)).map((p) => p.text)
    expect(workText).toContain('一、于6月28日前报送月度工作总结和附件3。')
    expect(workText.some((t) => t.startsWith('附件'))).toBe(false)
    await page.screenshot({ path: join(results, 'e2e-office-notice.png') })
  })

  it('the office tells a unit late for a deadline that has passed from one with days still to go (6/20)', async () => {
    const page = officeApp.page
    await page.getByRole('tab', { name: '总览' }).click()
    const row = (deadline: string) => page.locator('table.plain tr', { hasText: deadline }).locator('td').nth(2)
    expect(await row('4月30日前').getAttribute('class')).toBe('count-error')
    expect(await row('6月28日前').getAttribute('class')).toBe('')
    await page.getByRole('tab', { name: '报送情况' }).click()
    const contacts = page.locator('.deadline', { hasText: '2024年4月30日前' })
    expect(await contacts.locator('h3 .count-error').textContent()).toBe('未报送 24 个单位')
    const annex3 = page.locator('.deadline', { hasText: '2024年6月28日前' })
    expect(await annex3.locator('h3 .pending').textContent()).toBe('已报送 0/18，还有 8 天截止')
    expect(await annex3.locator('li.missing').count()).toBe(0)
    expect(await annex3.locator('li.pending small').first().textContent()).toBe('待报送')
    await page.screenshot({ path: join(results, 'e2e-office-reporting.png') })
  })
})
