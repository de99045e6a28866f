import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { readAnnexWorkbook } from '../../electron/services/import/readAnnexWorkbook'
import type { RunningApp } from './harness'
import { annex2Fixtures, cell, dataDirFor, failFileReads, launchApp, repoRoot } from './harness'

let app: RunningApp
let page: Page
const work = mkdtempSync(join(tmpdir(), 'slw-e2e-exchange-'))

beforeAll(async () => {
  app = await launchApp({ dataDir: await dataDirFor({ unitId: 't005', filler: '马晓明', phone: '0930-6212345' }) })
  page = app.page
})
afterAll(async () => {
  await app?.close()
})

const summary = (): Promise<string | null> => page.locator('.summary').textContent()
const dialog = (): ReturnType<Page['locator']> => page.getByRole('dialog', { name: '导入预览' })

async function chooseFile(path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: '导入表格…' }).click()
  await (await chooser).setFiles(path)
  await dialog().waitFor()
}

async function exportLedger(): Promise<Buffer> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出附件2' }).click()
  const file = join(work, (await download).suggestedFilename())
  await (await download).saveAs(file)
  return readFileSync(file)
}

describe('import and export in the unit app (Chromium)', () => {
  it('previews a hand-made file, imports it whole, and can undo the import', async () => {
    await chooseFile(join(annex2Fixtures, 'clean-bafang.xlsx'))
    expect(await dialog().locator('.chips').textContent()).toContain('新增 30修改 0无变化 0')
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true })
    await page.screenshot({ path: join(repoRoot, 'test-results/e2e-import-preview.png') })
    await dialog().getByRole('button', { name: /确认导入/ }).click()
    await expect.poll(summary).toContain('共 30 条')
    expect(await cell(page, 0, 'name').textContent()).toBe('临夏市万通汽车服务有限责任公司')
    expect(await page.locator('.notice', { hasText: '已导入“clean-bafang.xlsx”：新增 30 条' }).count()).toBe(1)

    await page.getByRole('button', { name: '撤销这次导入' }).click()
    await expect.poll(summary).toContain('共 0 条')
    await chooseFile(join(annex2Fixtures, 'clean-bafang.xlsx'))
    await dialog().getByRole('button', { name: /确认导入/ }).click()
    await expect.poll(summary).toContain('共 30 条')
  })

  it('exports the ledger as 附件2 and recognises its own export with a hand edit when it comes back', async () => {
    await cell(page, 1, 'operator').click()
    await page.keyboard.press('F2')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('张建华（改）')
    await page.keyboard.press('Enter')
    const exported = await exportLedger()
    // The browser's download may still fail or be cancelled: web mode does not claim the file is saved.
    const notice = await page.locator('.notice', { hasText: '已交给浏览器下载：附件2-八坊街道-' }).textContent()
    expect(notice).toMatch(/^已交给浏览器下载：附件2-八坊街道-\d{8}\.xlsx（请在浏览器的下载列表中确认已保存）。请打印、盖章后报送。/)
    expect(notice).not.toContain('已生成')
    const read = await readAnnexWorkbook(exported, 'export.xlsx')
    expect(read).toMatchObject({ ok: true, unit: '八坊街道', rowCount: 30, filler: '马晓明', phone: '0930-6212345' })
    expect(read.ownExport).toMatchObject({ consistent: true, edited: 0 })
    expect(read.rows[1]?.fields['operator']).toBe('张建华（改）')
    expect(read.rows.every((r) => r.recordId && r.problemNo?.startsWith('LXS-2024-005-'))).toBe(true)

    // A clerk corrects one address in Excel and sends the file back.
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(exported as unknown as ArrayBuffer)
    wb.getWorksheet(annex2.sheetName)!.getCell('H8').value = '临夏市八坊街道清华社区建设路42号'
    const edited = join(work, '附件2-八坊街道-改.xlsx')
    await wb.xlsx.writeFile(edited)

    await chooseFile(edited)
    expect(await dialog().locator('.chips').textContent()).toContain('新增 0修改 1无变化 29')
    expect(await dialog().locator('tr.changed').textContent()).toContain('详细地址：临夏市八坊街道清华社区建设路40号 → 临夏市八坊街道清华社区建设路42号')
    await dialog().locator('summary', { hasText: '提示' }).click()
    // Problem numbers are never reused: the undone first import used 0001–0030, the second 0031–0060.
    expect(await dialog().locator('.issue-list').textContent()).toContain('第8行（LXS-2024-005-0033）在导出后被手工修改过')
    await dialog().getByRole('button', { name: /确认导入/ }).click()
    await expect.poll(() => cell(page, 2, 'address').textContent()).toBe('临夏市八坊街道清华社区建设路42号')
    await expect.poll(summary).toContain('共 30 条')
  })

  it('shows every problem of another unit\'s file with its cell, and asks before importing it', async () => {
    await chooseFile(join(annex2Fixtures, 'bad-values.xlsx'))
    const d = dialog()
    expect(await d.locator('.facts').textContent()).toContain('填报单位：东关街道　填报日期：2024年5月10日')
    // Eight wrong values; two required fields left blank, listed apart as 待补充.
    expect(await d.locator('.issue-list li.error').count()).toBe(8)
    expect(await d.locator('details', { hasText: '待补充（必填项为空）' }).locator('summary').textContent()).toBe('待补充（必填项为空）（2）')
    expect(await d.locator('.issue-list li.error').first().textContent()).toContain('摸底台账 · E7')
    const confirm = d.getByRole('button', { name: /确认导入/ })
    expect(await confirm.isDisabled()).toBe(true)
    await d.getByText('我确认要把它导入本单位的台账').click()
    expect(await confirm.isDisabled()).toBe(false)
    await d.getByRole('button', { name: '取消' }).click()
    await expect.poll(summary).toContain('共 30 条')
  })

  it('refuses a file that is not a spreadsheet and changes nothing', async () => {
    await chooseFile(join(annex2Fixtures, 'not-xlsx.xlsx'))
    expect(await dialog().textContent()).toContain('文件无法导入，台账没有任何改动')
    expect(await dialog().getByRole('button', { name: /确认导入/ }).count()).toBe(0)
    await dialog().getByRole('button', { name: '关闭' }).click()
    await expect.poll(summary).toContain('共 30 条')
  })

  it('says so when a picked file cannot be read (held by WPS, changed, USB stick pulled) and frees the page', async () => {
    await failFileReads(page)
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: '导入表格…' }).click()
    await (await chooser).setFiles(join(annex2Fixtures, 'clean-bafang.xlsx'))
    await page.locator('.notice', { hasText: '文件“clean-bafang.xlsx”无法读取' }).waitFor()
    expect(await page.getByRole('button', { name: '导入表格…' }).isEnabled()).toBe(true)
    await page.reload()
    await expect.poll(summary).toContain('共 30 条')
  })

  it('previews a spreadsheet dropped on the page as one picked, and names what it will not take', async () => {
    const drop = async (files: { name: string; base64: string }[]): Promise<void> => {
      const dataTransfer = await page.evaluateHandle((list) => {
        const dt = new DataTransfer()
        for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name))
        return dt
      }, files)
      await page.locator('section.ledger').dispatchEvent('drop', { dataTransfer })
    }
    const xlsx = { name: 'clean-bafang.xlsx', base64: readFileSync(join(annex2Fixtures, 'clean-bafang.xlsx')).toString('base64') }
    const docx = { name: '月度工作总结-八坊街道.docx', base64: Buffer.from('PK').toString('base64') }
    // Text dragged within the page is not an import.
    const text = await page.evaluateHandle(() => {
      const dt = new DataTransfer()
      dt.setData('text/plain', '临夏市八坊街道')
      return dt
    })
    await page.locator('section.ledger').dispatchEvent('drop', { dataTransfer: text })
    expect(await page.locator('.notice', { hasText: '拖入' }).count()).toBe(0)
    await drop([docx])
    expect(await page.locator('.notice').first().textContent()).toContain('拖入的不是表格文件（.xlsx、.xls、.et、.ods、.csv），台账没有改动。')
    await drop([xlsx, { ...xlsx, name: 'copy.xlsx' }])
    expect(await page.locator('.notice').first().textContent()).toContain('一次只能导入一个表格，拖入了 2 个，台账没有改动。')
    await drop([xlsx, docx])
    await dialog().waitFor()
    expect(await dialog().locator('h2').textContent()).toContain('clean-bafang.xlsx')
    await dialog().getByRole('button', { name: '取消' }).click()
    await expect.poll(summary).toContain('共 30 条')
  })

  it('exports 附件3 and says to send it with the 月度工作总结', async () => {
    await page.getByRole('tab', { name: '清理整顿（附件3）' }).click()
    // Should the form still have errors, the clerk is asked first, and exports anyway.
    page.once('dialog', (d) => void d.accept())
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出附件3' }).click()
    expect((await download).suggestedFilename()).toMatch(/^附件3-八坊街道-\d{8}\.xlsx$/)
    const notice = page.locator('.notice', { hasText: '已交给浏览器下载：附件3-八坊街道-' })
    expect(await notice.textContent()).toContain('（请在浏览器的下载列表中确认已保存）。请打印、盖章后，与月度工作总结（在“每周工作进展”中导出）一并报送')
  })
})
