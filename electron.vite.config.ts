import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const r = (p: string): string => resolve(import.meta.dirname, p)
const alias = { '@shared': r('shared') }

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      // lowdb and steno are ESM-only; bundle them so the main bundle never depends on require(esm).
      externalizeDeps: { exclude: ['lowdb', 'steno'] },
      rolldownOptions: { input: { main: r('electron/main/index.ts') } }
    }
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() node_modules or split chunks: one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: r('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: r('renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      outDir: r('out/renderer'),
      // SLW_NO_MINIFY=1 keeps function names for a CPU profile of the renderer (bench work).
      minify: !process.env['SLW_NO_MINIFY'],
      // One bundle is right for a local app; AG Grid alone is over the default 500 kB warning.
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: { index: r('renderer/index.html') } }
    }
  }
})
