/**
 * 佐证材料 in the 办理 panel (issue 21), as 八坊街道's clerk works on 2024-05-16 at 1366×768: photos and a PDF filed
 * under a 关停取缔 record's 两断三清 items by 添加, by drop and by paste; thumbnails with the photo's date; a removal
 * undone; a spreadsheet named .jpg refused by its content; everything there again after a reload. Then the 报送包:
 * the office takes it in and sees the photos beside the record; a changed photo is flagged and a zip bomb refused.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApp } from './harness'
import { unzipSync, zipSync } from 'fflate'
import { annex2Fixtures, cell, cleanBafang, dataDirFor, launchApp, repoRoot } from './harness'
import { onWorkingDate } from '../helpers/workingDate'
import { docxPart, paragraphsOf } from '../electron/documents/docxXml'

const evidence = resolve(repoRoot, 'test/fixtures/evidence')
onWorkingDate('2024-05-16')
let app: RunningApp
let page: Page
let closure: string

beforeAll(async () => {
  const { dir, data } = await cleanBafang()
  // A 关停取缔 record accepted, 两断三清 done but for 原料 and 产品 (不涉及): 销号 is what is left.
  const ledger = await data.ledger('t005')
  const record = ledger.view().records.find((r) => r.fields['category'] === '关停取缔')
  if (!record) throw new Error('a 关停取缔 record')
  closure = String(record.fields['name'])
  const accepted = {
    status: '已验收',
    stoppedFirst: '是',
    stopDate: '2024-05-13',
    tlcWaterDate: '2024-05-14',
    tlcPowerDate: '2024-05-14',
    tlcMaterialsNa: '无原料',
    tlcProductsNa: '无成品',
    tlcEquipmentDate: '2024-05-15',
    tlcInspector: '马进',
    tlcInspectDate: '2024-05-15',
    completeDate: '2024-05-15',
    acceptDate: '2024-05-16',
    acceptDept: '市生态环境局',
    acceptResult: '合格',
    evidence: ''
  }
  await ledger.save({ unitId: 't005', baseGeneration: ledger.generation, changes: { upserts: [{ id: record.id, fields: { ...record.fields, ...accepted } }], deletes: [] } }, '马晓明')
  await data.close()
  app = await launchApp({ dataDir: dir, viewport: { width: 1366, height: 768 } })
  page = app.page
})
afterAll(async () => {
  await app?.close()
})

const section = (): ReturnType<Page['locator']> => page.getByRole('region', { name: '佐证材料' })
const panel = (): ReturnType<Page['locator']> => page.getByRole('complementary', { name: '办理' })
const close = (): ReturnType<Page['locator']> => panel().locator('.action', { has: page.getByRole('button', { name: /^销号/ }) })
const closeButton = (): ReturnType<Page['locator']> => close().getByRole('button', { name: /^销号/ })
const captions = (): Promise<string[]> => section().locator('.evidence-list .caption').allTextContents()

async function openRecord(): Promise<void> {
  await page.getByRole('tab', { name: /摸底台账/ }).click()
  await page.getByLabel('搜索').fill(closure)
  await cell(page, 0, 'name').click()
  await page.getByRole('tab', { name: '办理' }).click()
  await expect.poll(() => page.getByRole('complementary', { name: '办理' }).locator('header').textContent()).toContain(closure)
}

/** Sends files to the section as a drop or a paste does (a DataTransfer holding them). */
async function transfer(kind: 'drop' | 'paste', name: string, type: string): Promise<void> {
  const bytes = [...readFileSync(join(evidence, name))]
  await section().evaluate(
    (el, [kind, name, type, bytes]) => {
      const dt = new DataTransfer()
      dt.items.add(new File([new Uint8Array(bytes as number[])], name as string, { type: type as string }))
      const event = kind === 'drop' ? new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }) : new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true })
      el.dispatchEvent(event)
    },
    [kind, name, type, bytes] as const
  )
}

describe('evidence behind a record (working date 2024-05-16)', () => {
  it('files photos and a PDF under 两断三清 items by 添加, drop and paste, with thumbnails and dates', async () => {
    await openRecord()
    await expect.poll(() => section().locator('h3').textContent()).toBe('佐证材料（0）')
    expect(await section().getByLabel('材料用途').inputValue()).toBe('两断三清-断水')
    await section().locator('input[type=file]').setInputFiles(join(evidence, '断水.jpg'))
    await expect.poll(captions).toEqual(['两断三清-断水断水.jpg拍摄于 2024-05-14 10:23:45'])

    await section().getByLabel('材料用途').selectOption('两断三清-断电')
    await transfer('drop', '断电.jpg', 'image/jpeg')
    await expect.poll(() => section().locator('h3').textContent()).toBe('佐证材料（2）')
    await section().getByLabel('材料用途').selectOption('两断三清-清除设备')
    await transfer('paste', '清除设备.png', 'image/png')
    await section().getByLabel('材料用途').selectOption('验收材料')
    await section().locator('input[type=file]').setInputFiles(join(evidence, '两断三清核查记录.pdf'))
    await expect.poll(captions).toEqual([
      '两断三清-断水断水.jpg拍摄于 2024-05-14 10:23:45',
      '两断三清-断电断电.jpg拍摄于 2024-05-14 10:41:02',
      '两断三清-清除设备清除设备.png无拍摄时间',
      '验收材料两断三清核查记录.pdfPDF 文件'
    ])
    // Three thumbnails drawn from the kept files, the PDF as a label.
    await expect.poll(() => section().locator('.thumb img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth === 640).length)).toBe(3)
    expect(await section().locator('.thumb .file-kind').textContent()).toBe('PDF')
    await section().scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(repoRoot, 'test-results', 'e2e-evidence.png') })

    await section().locator('.thumb').first().click()
    const viewer = page.getByRole('dialog', { name: '查看照片' })
    expect(await viewer.locator('p').textContent()).toContain('两断三清-断水：断水.jpg，拍摄于 2024-05-14 10:23:45')
    await page.screenshot({ path: join(repoRoot, 'test-results', 'e2e-evidence-viewer.png') })
    await page.keyboard.press('Escape')
    await viewer.waitFor({ state: 'detached' })
  })

  it('销号 waits for a photo of each 两断三清 item done and for its 审核人, then records them', async () => {
    // Before the photos: 断水, 断电 and 清除设备 (原料 and 产品 不涉及) listed as missing, as are 审核人 and 职务.
    await section().locator('.evidence-list li', { hasText: '断电.jpg' }).getByRole('button', { name: '移除' }).click()
    await expect.poll(() => close().locator('.needs').textContent()).toContain('佐证材料未上传：两断三清-断电（在下方“佐证材料”中按用途添加照片或文件）')
    expect(await closeButton().isDisabled()).toBe(true)
    await close().scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(repoRoot, 'test-results', 'e2e-evidence-close.png') })
    await section().getByRole('button', { name: '撤销' }).click()
    await expect.poll(() => close().locator('.needs').textContent()).not.toContain('佐证材料未上传')
    expect(await close().locator('.needs li').allTextContents()).toEqual([expect.stringMatching(/^还需：填写销号日期/), expect.stringMatching(/^还需：填写销号审核人/), expect.stringMatching(/^还需：填写审核人职务/)])
    for (const [label, value] of [['销号日期', '2024-05-16'], ['销号审核人', '马主任'], ['审核人职务', '八坊街道办事处副主任']]) {
      const input = close().getByLabel(label as string, { exact: true })
      await input.fill(value as string)
      await input.press('Enter')
    }
    await expect.poll(() => closeButton().isDisabled()).toBe(false)
    await closeButton().click()
    await expect.poll(() => panel().locator('.status-badge').textContent()).toBe('已销号')
    await panel().getByRole('button', { name: '查看修改记录' }).click()
    await expect.poll(() => panel().locator('.history ol').textContent()).toContain('随附佐证材料4份：两断三清-断水1份、两断三清-断电1份、两断三清-清除设备1份、验收材料1份')

    // Its 一企一档, with the three photos.
    const download = page.waitForEvent('download')
    await panel().getByRole('button', { name: '导出一企一档（Word）' }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe(`一企一档-${closure}-20240516.docx`)
    const docx = await readFile(await file.path())
    const text = paragraphsOf(docxPart(docx)).map((p) => p.text)
    expect(text).toContain('销号审核人')
    expect(text.filter((t) => /^图\d/.test(t))).toHaveLength(4)
    writeFileSync(join(repoRoot, 'test-results', 'e2e-dossier.docx'), docx)
  })

  it('undoes a removal, lists what was removed, refuses a spreadsheet named .jpg, and keeps it all across a reload', async () => {
    const water = section().locator('.evidence-list li', { hasText: '断水.jpg' })
    await water.getByRole('button', { name: '移除' }).click()
    await expect.poll(() => section().locator('h3').textContent()).toBe('佐证材料（3）')
    await section().getByRole('button', { name: '撤销' }).click()
    await expect.poll(() => section().locator('h3').textContent()).toBe('佐证材料（4）')
    await section().locator('.evidence-list li', { hasText: '清除设备.png' }).getByRole('button', { name: '移除' }).click()
    expect(await section().locator('.evidence-removed summary').textContent()).toBe('已移除 1 个（可恢复）')

    await section().locator('input[type=file]').setInputFiles({ name: '现场.jpg', mimeType: 'image/jpeg', buffer: readFileSync(join(annex2Fixtures, 'clean-bafang.xlsx')) })
    await expect.poll(() => page.locator('.notice.error, [role=alert]').first().textContent()).toContain('“现场.jpg”的内容不是JPEG 照片、PNG 图片、WebP 图片、PDF 文件')

    await page.reload()
    await openRecord()
    await expect.poll(() => section().locator('h3').textContent()).toBe('佐证材料（3）')
    await section().locator('.evidence-removed summary').click()
    expect(await section().locator('.evidence-removed li').textContent()).toMatch(/^两断三清-清除设备：清除设备\.png（马晓明添加，马晓明移除）/)
  })

  it('sends the record with its evidence in a 报送包: the office sees the photos beside it, a changed photo flagged, a zip bomb refused', async () => {
    await page.getByRole('tab', { name: /清理整顿/ }).click()
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '报送包', exact: true }).click()
    const pkg = await readFile(await (await download).path())

    const office = await launchApp({ dataDir: await dataDirFor({ unitId: 'office', filler: '王主任', phone: '0930-6210000' }), viewport: { width: 1366, height: 768 } })
    const o = office.page
    const stage = (): ReturnType<Page['locator']> => o.getByRole('dialog', { name: '接收预览' })
    const receive = async (name: string, buffer: Buffer): Promise<void> => {
      const chooser = o.waitForEvent('filechooser')
      await o.getByRole('button', { name: '接收报送文件…' }).click()
      await (await chooser).setFiles({ name, mimeType: 'application/zip', buffer })
      await stage().waitFor()
    }
    const kept = (): string[] => readdirSync(join(office.dataDir, 'office', 'files'))
    try {
      await receive('八坊街道-附件3-报送包.zip', pkg)
      // 清除设备.png was removed before: the package carries 断水, 断电 and the PDF.
      expect(await stage().locator('.file-notes').textContent()).toContain('报送包随附佐证材料 3 份，均与清单校验值相符')
      await stage().getByRole('button', { name: /确认接收/ }).click()
      await stage().waitFor({ state: 'detached' })
      await o.getByLabel('汇总表格').selectOption('annex3')
      await o.getByRole('tab', { name: '佐证材料（1 条销号缺佐证）' }).click()
      const row = o.locator('.received-evidence tbody tr', { hasText: closure })
      expect(await row.locator('td').allTextContents()).toEqual(['八坊街道', expect.stringMatching(/^LXS-2024-005-/), closure, '关停取缔', '已销号', '查看 3 份', '两断三清-清除设备'])
      await row.getByRole('button', { name: '查看 3 份' }).click()
      const strip = o.getByRole('list', { name: `${closure}的佐证材料` })
      await expect.poll(() => strip.locator('.thumb img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth === 640).length)).toBe(2)
      expect(await strip.locator('.caption').allTextContents()).toEqual([
        '两断三清-断水断水.jpg拍摄于 2024-05-14 10:23:45',
        '两断三清-断电断电.jpg拍摄于 2024-05-14 10:41:02',
        '验收材料两断三清核查记录.pdfPDF 文件'
      ])
      await o.screenshot({ path: join(repoRoot, 'test-results', 'e2e-office-evidence.png') })
      await strip.locator('.thumb').first().click()
      expect(await o.getByRole('dialog', { name: '查看照片' }).locator('p').textContent()).toContain('两断三清-断水：断水.jpg，拍摄于 2024-05-14 10:23:45')
      await o.keyboard.press('Escape')
      const taken = kept()

      // The same package with 断水.jpg changed on the way: flagged before anything is taken in.
      const files = unzipSync(new Uint8Array(pkg))
      const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { evidence: { name: string; path: string }[] }
      const water = manifest.evidence.find((e) => e.name === '断水.jpg')?.path as string
      const changed = new Uint8Array(files[water] as Uint8Array)
      changed[changed.length - 10] = (changed[changed.length - 10] as number) ^ 0xff
      await receive('八坊街道-报送包-改.zip', Buffer.from(zipSync({ ...files, [water]: changed })))
      const notes = await stage().locator('.file-notes').textContent()
      expect(notes).toContain('报送包随附佐证材料 3 份，其中 1 份与清单校验值不符，不予采信')
      expect(notes).toContain('的佐证材料“断水.jpg”（两断三清-断水）与清单记载的校验值不符，可能在报送途中被改动')
      await o.screenshot({ path: join(repoRoot, 'test-results', 'e2e-office-tampered.png') })
      await stage().getByRole('button', { name: '取消' }).click()

      // A zip bomb dressed as a package: refused in the preview, nothing of it kept.
      await receive('八坊街道-报送包-炸弹.zip', Buffer.from(zipSync({ ...files, 'evidence/炸弹.jpg': new Uint8Array(200 * 1024 * 1024) })))
      expect(await stage().locator('.file-notes').textContent()).toContain('文件“八坊街道-报送包-炸弹.zip”解压后过大，疑似异常文件')
      expect(await stage().locator('td.status').textContent()).toBe('退回')
      await stage().getByRole('button', { name: '取消' }).click()
      expect(kept()).toEqual(taken)
    } finally {
      await office.close()
    }
  })
})
