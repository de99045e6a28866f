/**
 * A unit's evidence on disk (issue 21): a file kept once by content, its type by its bytes, its photo date from
 * EXIF; refused whole when it is not a photo or PDF or too large; removed and restored as events; all of it there
 * again after the store is opened anew.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_ATTACHMENT_BYTES, attachmentId, isRemoved } from '@shared/evidence/attachments'
import { AttachmentStore } from '../../../electron/services/storage/attachmentStore'

const fixture = (name: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence', name))
let dir: string
let store: AttachmentStore
let clock = 0
const open = async (): Promise<AttachmentStore> => AttachmentStore.open(dir, 't005', { appVersion: 'test', now: () => new Date(Date.UTC(2024, 4, 16, 2, 0, clock++)) })

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slw-evidence-'))
  store = await open()
})
afterEach(async () => {
  await store.close()
})

describe('attaching evidence', () => {
  it('keeps a photo once by content, with its EXIF date, under the slot it proves', async () => {
    const water = await store.add({ recordId: 'r1', slot: '两断三清-断水', name: '断水.jpg', bytes: fixture('断水.jpg') }, '马晓明')
    expect(water).toMatchObject({ recordId: 'r1', slot: '两断三清-断水', name: '断水.jpg', type: 'jpeg', size: fixture('断水.jpg').length, takenAt: '2024-05-14 10:23:45', events: [{ what: '添加', by: '马晓明' }] })
    // The same photo for another item: a second attachment, no second copy of the file.
    await store.add({ recordId: 'r1', slot: '两断三清-断电', name: 'IMG_0001.JPG', bytes: fixture('断水.jpg') }, '马晓明')
    const pdf = await store.add({ recordId: 'r1', slot: '两断三清-断电', name: '核查记录.pdf', bytes: fixture('两断三清核查记录.pdf') }, '马晓明')
    expect(pdf).toMatchObject({ type: 'pdf', takenAt: null })
    expect((await store.add({ recordId: 'r1', slot: '整改后', name: '原址.webp', bytes: fixture('原址.webp') }, '马晓明')).type).toBe('webp')
    expect(store.of('r1')).toHaveLength(4)
    expect(readdirSync(join(dir, 'units/t005/attachments/files')).sort()).toEqual([water.sha256, pdf.sha256, store.of('r1')[3]?.sha256].sort())
    expect((await store.read(water.sha256)).equals(fixture('断水.jpg'))).toBe(true)
  })

  it('refuses, whole and with the reason, what is no photo or PDF by content, an empty file and one over 20 MB', async () => {
    const spreadsheet = readFileSync(resolve(import.meta.dirname, '../../fixtures/annex2/clean-bafang.xlsx'))
    await expect(store.add({ recordId: 'r1', slot: '整改前', name: '现场.jpg', bytes: spreadsheet }, '马')).rejects.toMatchObject({
      message: '“现场.jpg”的内容不是JPEG 照片、PNG 图片、WebP 图片、PDF 文件（按文件内容判断，与扩展名无关），没有添加。'
    })
    await expect(store.add({ recordId: 'r1', slot: '整改前', name: '空.jpg', bytes: new Uint8Array() }, '马')).rejects.toMatchObject({ message: '“空.jpg”是空文件，没有添加。' })
    const huge = Buffer.concat([fixture('断水.jpg'), Buffer.alloc(MAX_ATTACHMENT_BYTES)])
    await expect(store.add({ recordId: 'r1', slot: '整改前', name: '大.jpg', bytes: huge }, '马')).rejects.toMatchObject({ message: expect.stringMatching(/^“大\.jpg”有 20\.0 MB，超过每个文件 20 MB 的上限/) })
    expect(store.of('r1')).toEqual([])
    expect(readdirSync(join(dir, 'units/t005/attachments/files'))).toEqual([])
  })

  it('removes and restores as events, kept across a reopening; the file stays', async () => {
    const photo = await store.add({ recordId: 'r1', slot: '整改前', name: '断电.jpg', bytes: fixture('断电.jpg') }, '马晓明')
    const id = attachmentId(photo)
    expect(isRemoved(await store.mark(id, '移除', '马晓明'))).toBe(true)
    // Added again, it is the same attachment, back in use.
    const again = await store.add({ recordId: 'r1', slot: '整改前', name: '断电(1).jpg', bytes: fixture('断电.jpg') }, '韩小梅')
    expect(again.events.map((e) => [e.what, e.by])).toEqual([['添加', '马晓明'], ['移除', '马晓明'], ['恢复', '韩小梅']])
    await store.mark(id, '移除', '马晓明')
    await store.close()
    store = await open()
    const [kept] = store.of('r1')
    expect(kept && isRemoved(kept)).toBe(true)
    expect(kept?.events.map((e) => e.what)).toEqual(['添加', '移除', '恢复', '移除'])
    expect(existsSync(join(dir, 'units/t005/attachments/files', photo.sha256))).toBe(true)
    expect(isRemoved(await store.mark(id, '恢复', '马晓明'))).toBe(false)
    await expect(store.mark('r1|整改前|0', '移除', '马')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
