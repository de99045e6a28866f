/** The parser thread's entry, moved from inside app.asar to its unpacked copy (electron/main/asarPaths.ts). */
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { unpackedPath } from '../../../electron/main/asarPaths'

describe('unpackedPath', () => {
  it('points a file inside a Windows per-user install at its unpacked copy', () => {
    const packed = String.raw`C:\Users\王芳\AppData\Local\Programs\散乱污台账\resources\app.asar\out\main\chunks\parseWorker-f16be3be.js`
    expect(unpackedPath(packed)).toBe(
      String.raw`C:\Users\王芳\AppData\Local\Programs\散乱污台账\resources\app.asar.unpacked\out\main\chunks\parseWorker-f16be3be.js`
    )
  })

  it('does the same in the portable .exe’s temporary folder and on Linux (deb, AppImage mount)', () => {
    expect(unpackedPath(String.raw`C:\Users\u\AppData\Local\Temp\2bX9\resources\app.asar\out\main\w.js`)).toBe(
      String.raw`C:\Users\u\AppData\Local\Temp\2bX9\resources\app.asar.unpacked\out\main\w.js`
    )
    expect(unpackedPath('/opt/散乱污台账/resources/app.asar/out/main/chunks/parseWorker-f16be3be.js')).toBe(
      '/opt/散乱污台账/resources/app.asar.unpacked/out/main/chunks/parseWorker-f16be3be.js'
    )
    expect(unpackedPath('/tmp/.mount_slw-leAbC123/resources/app.asar/out/main/w.js')).toBe('/tmp/.mount_slw-leAbC123/resources/app.asar.unpacked/out/main/w.js')
  })

  it('leaves a path outside any archive alone (a development run from out/)', () => {
    for (const p of ['/home/clerk/slw-ledger/out/main/chunks/parseWorker-f16be3be.js', String.raw`D:\src\slw\out\main\chunks\parseWorker.js`, 'relative/out/w.js', '']) {
      expect(unpackedPath(p)).toBe(p)
    }
  })

  it('leaves a path that is already unpacked alone', () => {
    const posix = '/opt/散乱污台账/resources/app.asar.unpacked/out/main/w.js'
    const win = String.raw`C:\Program Files\散乱污台账\resources\app.asar.unpacked\out\main\w.js`
    expect(unpackedPath(posix)).toBe(posix)
    expect(unpackedPath(win)).toBe(win)
    expect(unpackedPath(unpackedPath('/r/app.asar/w.js'))).toBe('/r/app.asar.unpacked/w.js')
  })

  it('matches app.asar only as a whole path segment', () => {
    for (const p of ['/r/myapp.asar/w.js', '/r/app.asarx/w.js', '/r/app.asar.bak/w.js', '/r/notes-about-app.asar.txt']) {
      expect(unpackedPath(p)).toBe(p)
    }
    // The archive itself (no file inside): its unpacked folder.
    expect(unpackedPath('/opt/x/resources/app.asar')).toBe('/opt/x/resources/app.asar.unpacked')
  })

  it('rewrites only the archive, not a later folder that happens to share the name', () => {
    expect(unpackedPath('/opt/x/resources/app.asar/data/app.asar/w.js')).toBe('/opt/x/resources/app.asar.unpacked/data/app.asar/w.js')
  })

  it('gives the file URL the worker is started with, outside the archive', () => {
    const url = pathToFileURL(unpackedPath('/opt/散乱污台账/resources/app.asar/out/main/chunks/parseWorker-f16be3be.js'))
    expect(url.href).toBe('file:///opt/%E6%95%A3%E4%B9%B1%E6%B1%A1%E5%8F%B0%E8%B4%A6/resources/app.asar.unpacked/out/main/chunks/parseWorker-f16be3be.js')
    expect(url.pathname).not.toMatch(/\/app\.asar\//)
  })
})
