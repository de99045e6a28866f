/**
 * Paths into the packaged app. Electron reads the main bundle, preload and renderer from inside
 * `resources/app.asar`, but a worker thread must start from a real file: electron-builder copies the `asarUnpack`
 * files beside the archive, to `resources/app.asar.unpacked`, at the same relative path. Pure string work (no
 * electron import), so tests load it.
 */

/** `app.asar` as a whole path segment: after a separator, before a separator or the end (not `app.asar.unpacked`). */
const ASAR_SEGMENT = /([\\/]app\.asar)(?=[\\/]|$)/

/**
 * The unpacked copy of a file packed in app.asar: `…/resources/app.asar/out/main/x.js` →
 * `…/resources/app.asar.unpacked/out/main/x.js`, with either separator. A path outside an archive (a development
 * run from `out/`) or already unpacked is returned as it is.
 */
export function unpackedPath(p: string): string {
  return p.replace(ASAR_SEGMENT, '$1.unpacked')
}
