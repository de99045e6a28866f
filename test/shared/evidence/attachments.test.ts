/** A file's type is what its first bytes say (issue 21), and EXIF dates are read as written. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exifDateTime, sniffType } from '@shared/evidence/attachments'

const fixture = (name: string): Uint8Array => readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence', name))

describe('the type of an attached file', () => {
  it('is read from its content', () => {
    expect(sniffType(fixture('断水.jpg'))).toBe('jpeg')
    expect(sniffType(fixture('清除设备.png'))).toBe('png')
    expect(sniffType(fixture('原址.webp'))).toBe('webp')
    expect(sniffType(fixture('两断三清核查记录.pdf'))).toBe('pdf')
  })

  it('is none for anything else, whatever it is called: a spreadsheet, a RIFF that is no WebP, text, nothing', () => {
    expect(sniffType(readFileSync(resolve(import.meta.dirname, '../../fixtures/annex2/clean-bafang.xlsx')))).toBeNull()
    expect(sniffType(new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WAVEfmt '))).toBeNull()
    expect(sniffType(new TextEncoder().encode('照片.jpg'))).toBeNull()
    expect(sniffType(new Uint8Array([0xff, 0xd8]))).toBeNull()
    expect(sniffType(new Uint8Array())).toBeNull()
  })
})

describe('an EXIF date', () => {
  it('is written as ours, or is none', () => {
    expect(exifDateTime('2024:05:14 10:23:45')).toBe('2024-05-14 10:23:45')
    expect(exifDateTime(' 2024:05:14 10:23:45 ')).toBe('2024-05-14 10:23:45')
    expect(exifDateTime('2024-05-14')).toBeNull()
    expect(exifDateTime(new Date())).toBeNull()
    expect(exifDateTime(undefined)).toBeNull()
  })
})
