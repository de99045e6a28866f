/** `npm run web`: serves the built renderer and the app's services on 127.0.0.1 and prints the address. */
import { resolve } from 'node:path'
import { createAppLog } from '../services/appLog'
import { finishInterruptedRestore } from '../services/backup'
import { chooseDataDir, defaultDataDir } from '../services/paths'
import { errno } from '../services/storage/busyRetry'
import { createServices } from '../services/services'
import { startWebServer } from './server'

const args = process.argv.slice(2)
const portArg = args.indexOf('--port')
const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env['SLW_PORT'] ?? 5199)
// --data DIR, else SLW_DATA_DIR, else the desktop app's default folder (no portable copy: the web mode runs from npm).
const { dir: dataPath, source: dataSource } = chooseDataDir({ args, env: process.env, fallback: defaultDataDir() })
// A restore cut off by a power cut is finished (or undone) before anything opens the folder.
const repaired = await finishInterruptedRestore(dataPath)
const log = createAppLog(dataPath, { echo: true })
log.started('web')
if (repaired) log.info(repaired)
const services = createServices(dataPath, 'web', { log, dataSource })

async function listen(): Promise<Awaited<ReturnType<typeof startWebServer>>> {
  const rendererDir = resolve(import.meta.dirname, '../../out/renderer')
  try {
    return await startWebServer({ handlers: services.handlers, rendererDir, port, log })
  } catch (e) {
    if (errno(e) !== 'EADDRINUSE') throw e
    console.log(`端口 ${port} 已被占用，改用随机端口。`)
    return startWebServer({ handlers: services.handlers, rendererDir, port: 0, log })
  }
}

const server = await listen()
console.log(`散乱污台账（网页模式）已启动，数据目录：${dataPath}`)
console.log(`请在浏览器中打开：${server.loginUrl}`)
console.log('此地址只能打开一次；换浏览器或清除了浏览器数据时，请按 Ctrl+C 退出后重新运行 npm run web。只能从本机访问。')

async function shutdown(): Promise<void> {
  await server.close()
  await services.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown())
process.on('SIGTERM', () => void shutdown())
