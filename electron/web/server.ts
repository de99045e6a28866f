/**
 * Web mode: serves the built renderer and the same handlers as Electron IPC on 127.0.0.1 only. Access needs the
 * token made at start: the printed URL carries it once, the server turns it into a SameSite=Strict cookie.
 * The Host and Origin checks stop other web pages (DNS rebinding, cross-site posts) from reaching the API.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CONTENT_SECURITY_POLICY } from '../main/security'
import type { Handlers } from '../services/dispatch'
import { dispatch } from '../services/dispatch'
import { contentType, resolveBundleFile } from '../services/staticFiles'

export interface WebServer {
  url: string
  /** URL that logs the browser in (carries the token once). */
  loginUrl: string
  port: number
  close: () => Promise<void>
}

export interface WebServerOptions {
  handlers: Handlers
  rendererDir: string
  port?: number
  token?: string
  log?: (e: unknown) => void
}

const COOKIE = 'slw_token'
const MAX_BODY = 256 * 1024 * 1024

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === COOKIE) return v.join('=')
  }
  return undefined
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    ...extra
  })
  res.end(body)
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) throw new Error('body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export async function startWebServer(opt: WebServerOptions): Promise<WebServer> {
  const token = opt.token ?? randomBytes(24).toString('base64url')
  const log = opt.log ?? console.error
  let origin = ''

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      log(e)
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', '服务器内部错误')
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? ''
    if (`http://${host}` !== origin && `http://${host.replace(/^localhost:/, '127.0.0.1:')}` !== origin) {
      return send(res, 421, 'text/plain; charset=utf-8', '请求的主机名不正确')
    }
    const url = new URL(req.url ?? '/', origin)
    if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      if (!sameToken(url.searchParams.get('token') ?? undefined, token)) {
        return send(res, 403, 'text/plain; charset=utf-8', '访问令牌不正确，请使用程序启动时打印的地址打开。')
      }
      return send(res, 302, 'text/plain; charset=utf-8', '', {
        location: '/',
        'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`
      })
    }
    if (!sameToken(cookieToken(req), token) && !sameToken(req.headers['x-slw-token'] as string | undefined, token)) {
      return send(res, 403, 'text/plain; charset=utf-8', '请使用程序启动时打印的地址（含访问令牌）打开。')
    }
    if (url.pathname === '/api/invoke') {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', '只接受 POST')
      const reqOrigin = req.headers.origin
      if (reqOrigin !== undefined && reqOrigin !== origin) return send(res, 403, 'text/plain; charset=utf-8', '跨站请求被拒绝')
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, 'text/plain; charset=utf-8', '只接受 JSON')
      }
      let message: { channel?: unknown; arg?: unknown }
      try {
        message = JSON.parse(await readBody(req)) as { channel?: unknown; arg?: unknown }
      } catch {
        return send(res, 400, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: '请求内容无法解析。' } }))
      }
      const result = await dispatch(opt.handlers, String(message.channel), message.arg, log)
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', '不支持的请求')
    const file = resolveBundleFile(opt.rendererDir, url.pathname)
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', '未找到')
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      return send(res, 404, 'text/plain; charset=utf-8', '未找到')
    }
    send(res, 200, contentType(file), body, { 'content-security-policy': CONTENT_SECURITY_POLICY })
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(opt.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  const port = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`
  return {
    url: origin,
    loginUrl: `${origin}/?token=${token}`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}
