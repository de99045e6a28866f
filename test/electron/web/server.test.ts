import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Handlers } from '@shared/ipc/contract'
import type { WebServer } from '../../../electron/web/server'
import { startWebServer } from '../../../electron/web/server'

const token = 'test-token-123'
const servers: WebServer[] = []
let rendererDir: string
const handlers = {
  'app:bootstrap': async () => ({ hello: '你好' })
} as unknown as Handlers

beforeAll(() => {
  rendererDir = mkdtempSync(join(tmpdir(), 'slw-web-'))
  mkdirSync(join(rendererDir, 'assets'))
  copyFileSync(new URL('../../../renderer/index.html', import.meta.url), join(rendererDir, 'index.html'))
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(rendererDir, '..', 'secret.txt'), 'secret')
})
afterAll(async () => {
  for (const s of servers) await s.close()
})

async function boot(): Promise<WebServer> {
  const s = await startWebServer({ handlers, rendererDir, token, log: { bug: () => '', warn: () => {} } })
  servers.push(s)
  return s
}

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function send(server: WebServer, path: string, opt: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: opt.method ?? 'GET', headers: opt.headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end(opt.body)
  })
}

/** Opens the printed link; returns the cookie the browser would keep. */
async function login(server: WebServer): Promise<string> {
  const r = await send(server, `/?token=${token}`)
  expect(r.status).toBe(302)
  return String(r.headers['set-cookie']).split(';')[0]
}

const api = (server: WebServer, cookie: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> =>
  send(server, '/api/invoke', { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

describe('web mode login', () => {
  it('prints a login URL with the token on 127.0.0.1', async () => {
    const server = await boot()
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.loginUrl).toBe(`${server.url}/?token=${token}`)
  })

  it('trades the token once for a fresh session cookie named for this port, HttpOnly and SameSite=Strict', async () => {
    const server = await boot()
    const first = await send(server, `/?token=${token}`)
    expect(first.status).toBe(302)
    expect(first.headers.location).toBe('/')
    const setCookie = String(first.headers['set-cookie'])
    expect(setCookie).toMatch(new RegExp(`^slw_session_${server.port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`))
    expect(setCookie).not.toContain(token)
    const cookie = setCookie.split(';')[0]
    expect((await send(server, '/', { headers: { cookie } })).status).toBe(200)

    // The link is dead: anyone else (another program that read it) is refused and told what to do.
    const again = await send(server, `/?token=${token}`)
    expect(again.status).toBe(403)
    expect(again.body).toContain('这个登录地址已经用过')
    expect(again.body).toContain('npm run web')
    expect(again.headers['set-cookie']).toBeUndefined()
    // The browser that logged in may open the link again.
    expect((await send(server, `/?token=${token}`, { headers: { cookie } })).status).toBe(302)
    expect((await send(server, '/?token=wrong')).status).toBe(403)
  })

  it('never accepts the token itself as the cookie, nor another port\'s session', async () => {
    const server = await boot()
    const other = await boot()
    const otherCookie = await login(other)
    for (const cookie of [`slw_token=${token}`, `slw_session_${server.port}=${token}`, otherCookie, `slw_session_${server.port}=${otherCookie.split('=')[1]}`]) {
      expect((await send(server, '/', { headers: { cookie } })).status, cookie).toBe(403)
      expect((await api(server, cookie, { channel: 'app:bootstrap', arg: {} })).status, cookie).toBe(403)
    }
    await login(server)
  })

  it('works through localhost as through 127.0.0.1, end to end with fetch', async () => {
    const server = await boot()
    const base = `http://localhost:${server.port}`
    const opened = await fetch(`${base}/?token=${token}`, { redirect: 'manual' })
    expect(opened.status).toBe(302)
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]
    expect((await fetch(`${base}/`, { headers: { cookie } })).status).toBe(200)
    const r = await fetch(`${base}/api/invoke`, {
      method: 'POST',
      headers: { cookie, origin: base, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ channel: 'app:bootstrap', arg: {} })
    })
    expect(r.status).toBe(200)
    expect(await r.json()).toEqual({ ok: true, value: { hello: '你好' } })
  })
})

describe('web mode server', () => {
  let server: WebServer
  let cookie: string
  beforeAll(async () => {
    server = await boot()
    cookie = await login(server)
  })

  it('serves nothing without the session', async () => {
    const r = await send(server, '/')
    expect(r.status).toBe(403)
    expect(r.body).toContain('访问令牌')
    expect((await api(server, `slw_session_${server.port}=nope`, { channel: 'app:bootstrap', arg: {} })).status).toBe(403)
  })

  it('serves the renderer with the CSP and never a file outside it', async () => {
    const r = await send(server, '/', { headers: { cookie } })
    expect(r.status).toBe(200)
    expect(r.headers['content-security-policy']).toContain("script-src 'self'")
    const script = await send(server, '/assets/app.js', { headers: { cookie } })
    expect(script.headers['content-type']).toContain('javascript')
    expect(script.headers['x-ua-compatible']).toBeUndefined()
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/%00']) {
      expect((await send(server, p, { headers: { cookie } })).status, p).toBe(404)
    }
  })

  // Issue 16: 360浏览器 in 兼容模式 opens a page in its IE engine unless the page asks for webkit / the newest engine.
  it('asks dual-engine browsers for their modern engine, in the header and in the page', async () => {
    const r = await send(server, '/', { headers: { cookie } })
    expect(r.headers['x-ua-compatible']).toBe('IE=edge')
    expect(r.body).toContain('<meta name="renderer" content="webkit" />')
    expect(r.body).toContain('<meta http-equiv="X-UA-Compatible" content="IE=edge" />')
    expect(r.body.indexOf('X-UA-Compatible')).toBeLessThan(r.body.indexOf('<title>'))
  })

  it('refuses requests for another host name or port (DNS rebinding) and cross-site posts', async () => {
    for (const host of ['evil.example:80', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, `localhost:${server.port + 1}`, 'localhost', `LOCALHOST.:${server.port}`]) {
      expect((await send(server, '/', { headers: { cookie, host } })).status, host).toBe(421)
    }
    const bootstrap = { channel: 'app:bootstrap', arg: {} }
    for (const origin of ['http://evil.example', `http://localhost:${server.port + 1}`, `https://127.0.0.1:${server.port}`, 'null']) {
      expect((await api(server, cookie, bootstrap, { origin })).status, origin).toBe(403)
    }
    expect((await api(server, cookie, bootstrap, { 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await api(server, cookie, bootstrap, { 'content-type': 'text/plain' })).status).toBe(415)
    expect((await api(server, cookie, bootstrap, { origin: server.url })).status).toBe(200)
  })

  it('answers the API with the handlers\' results, never a thrown error', async () => {
    const r = await api(server, cookie, { channel: 'app:bootstrap', arg: {} })
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { hello: '你好' } })
    expect(JSON.parse((await api(server, cookie, { channel: 'nope:nope', arg: {} })).body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    const bad = await send(server, '/api/invoke', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{not json' })
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})
