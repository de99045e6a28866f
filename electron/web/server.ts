/**
 * Web mode: serves the built renderer and the same handlers as Electron IPC on 127.0.0.1 only. Access needs the
 * token made at start: the printed URL carries it, and its first use trades it for a session cookie of this port
 * (HttpOnly, SameSite=Strict); the token is then dead. The Host and Origin checks stop other web pages (DNS
 * rebinding, cross-site posts) from reaching the API; 127.0.0.1 and localhost are both this server.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Result } from '@shared/ipc/result'
import { fail } from '@shared/ipc/result'
import type { Handlers } from '@shared/ipc/contract'
import type { AppLog } from '../services/appLog'
import { sendLogAdvice } from '../services/appLog'
import { dispatch, MAX_REQUEST_BYTES, REQUEST_TOO_LARGE } from '../services/dispatch'
import { CONTENT_SECURITY_POLICY, contentType, resolveBundleFile } from '../services/staticFiles'

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
  /** The data folder's log: unexpected errors of the handlers and of the server itself. */
  log: Pick<AppLog, 'bug' | 'warn'>
}

/** Constant-time comparison of a presented secret with the expected one. */
function sameSecret(a: string | undefined, b: string | null): boolean {
  if (!a || !b) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return v.join('=')
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

const text = (res: ServerResponse, status: number, body: string): void => send(res, status, 'text/plain; charset=utf-8', body)

/**
 * The request body as text; null when it exceeds the request cap shared with Electron IPC (the rest is read and
 * dropped, so the client still gets the answer).
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk)
      else chunks.length = 0
    })
    req.on('end', () => resolveBody(size > MAX_REQUEST_BYTES ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(result))
}

export async function startWebServer(opt: WebServerOptions): Promise<WebServer> {
  // The login token works once: it is traded for a session value that never appears in a URL or on the console.
  let token: string | null = opt.token ?? randomBytes(24).toString('base64url')
  let session: string | null = null
  const { log } = opt
  let port = 0
  let cookieName = ''
  /** The origins this server answers as: both names of the loopback address, this port only. */
  let origins: string[] = []

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      // The path only: the query may carry the login token.
      const file = log.bug(`web server ${req.method ?? ''} ${(req.url ?? '/').split('?')[0]?.slice(0, 200)}`, e)
      if (!res.headersSent) text(res, 500, `服务器内部错误。${sendLogAdvice(file)}`)
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A rebound DNS name reaches this socket with its own Host; only our own names are served.
    const origin = origins.find((o) => o === `http://${req.headers.host ?? ''}`)
    if (!origin) return text(res, 421, '请求的主机名不正确')
    const url = new URL(req.url ?? '/', origin)
    const loggedIn = sameSecret(cookieValue(req, cookieName), session)
    if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      return login(res, url.searchParams.get('token') ?? '', loggedIn)
    }
    if (!loggedIn) return text(res, 403, '请使用程序启动时打印的地址（含访问令牌）打开。')
    if (url.pathname === '/api/invoke') return invoke(req, res, origin)
    if (req.method !== 'GET' && req.method !== 'HEAD') return text(res, 405, '不支持的请求')
    const file = resolveBundleFile(opt.rendererDir, url.pathname)
    if (!file) return text(res, 404, '未找到')
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      return text(res, 404, '未找到')
    }
    const type = contentType(file)
    // Dual-engine browsers (360浏览器 兼容模式) would open the page in IE; the header asks for their modern engine too.
    const engine: Record<string, string> = type.startsWith('text/html') ? { 'x-ua-compatible': 'IE=edge' } : {}
    send(res, 200, type, body, { 'content-security-policy': CONTENT_SECURITY_POLICY, ...engine })
  }

  function login(res: ServerResponse, presented: string, loggedIn: boolean): void {
    if (sameSecret(presented, token)) {
      token = null
      session = randomBytes(32).toString('base64url')
      return send(res, 302, 'text/plain; charset=utf-8', '', {
        location: '/',
        'set-cookie': `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`
      })
    }
    // The same browser opening the printed link again is simply let in.
    if (loggedIn) return send(res, 302, 'text/plain; charset=utf-8', '', { location: '/' })
    text(
      res,
      403,
      token === null
        ? '这个登录地址已经用过，为安全起见不能再次使用。请在运行网页模式的窗口中按 Ctrl+C 关闭它，再运行 npm run web，用新打印的地址打开。'
        : '访问令牌不正确，请使用程序启动时打印的地址打开。'
    )
  }

  async function invoke(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
    if (req.method !== 'POST') return text(res, 405, '只接受 POST')
    // Browsers name the page that sent a POST; a page of another site (or port) is refused.
    const from = req.headers.origin
    if ((from !== undefined && from !== origin) || req.headers['sec-fetch-site'] === 'cross-site') {
      return text(res, 403, '跨站请求被拒绝')
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return text(res, 415, '只接受 JSON')
    const body = await readBody(req)
    if (body === null) return sendResult(res, 413, REQUEST_TOO_LARGE)
    let message: { channel?: unknown; arg?: unknown }
    try {
      message = JSON.parse(body) as { channel?: unknown; arg?: unknown }
    } catch {
      return sendResult(res, 400, fail('INVALID_INPUT', '请求内容无法解析。'))
    }
    sendResult(res, 200, await dispatch(opt.handlers, String(message.channel), message.arg, log))
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(opt.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  port = (server.address() as AddressInfo).port
  // Cookies are shared by every port of a host: the name keeps this server's session apart from another's.
  cookieName = `slw_session_${port}`
  origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`]
  return {
    url: origins[0],
    loginUrl: `${origins[0]}/?token=${token}`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}
