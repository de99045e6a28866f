import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Handlers } from '../../../electron/services/dispatch'
import type { WebServer } from '../../../electron/web/server'
import { startWebServer } from '../../../electron/web/server'

const token = 'test-token-123'
let server: WebServer
const calls: unknown[] = []

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'slw-web-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>台账</title>')
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(dir, '..', 'secret.txt'), 'secret')
  const handlers = {
    'app:bootstrap': async (input: unknown) => {
      calls.push(input)
      return { hello: '你好' }
    }
  } as unknown as Handlers
  server = await startWebServer({ handlers, rendererDir: dir, token, log: () => {} })
})
afterAll(async () => {
  await server.close()
})

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function send(path: string, opt: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
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

const cookie = `slw_token=${token}`
const api = (body: unknown, headers: Record<string, string> = {}): Promise<Reply> =>
  send('/api/invoke', { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

describe('web mode server', () => {
  it('listens on 127.0.0.1 only and prints a login URL with the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.loginUrl).toBe(`${server.url}/?token=${token}`)
  })

  it('turns the token into an HttpOnly SameSite=Strict cookie, and refuses a wrong one', async () => {
    const ok = await send(`/?token=${token}`)
    expect(ok.status).toBe(302)
    expect(String(ok.headers['set-cookie'])).toMatch(/slw_token=test-token-123; HttpOnly; SameSite=Strict/)
    expect((await send('/?token=wrong')).status).toBe(403)
  })

  it('serves nothing without the token', async () => {
    const r = await send('/')
    expect(r.status).toBe(403)
    expect(r.body).toContain('访问令牌')
    expect((await api({ channel: 'app:bootstrap', arg: {} }, { cookie: 'slw_token=nope' })).status).toBe(403)
  })

  it('serves the renderer with the CSP and never a file outside it', async () => {
    const r = await send('/', { headers: { cookie } })
    expect(r.status).toBe(200)
    expect(r.headers['content-security-policy']).toContain("script-src 'self'")
    expect((await send('/assets/app.js', { headers: { cookie } })).headers['content-type']).toContain('javascript')
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/%00']) {
      expect((await send(p, { headers: { cookie } })).status, p).toBe(404)
    }
  })

  it('refuses requests for another host name (DNS rebinding) and cross-site posts', async () => {
    expect((await send('/', { headers: { cookie, host: 'evil.example:80' } })).status).toBe(421)
    expect((await api({ channel: 'app:bootstrap', arg: {} }, { origin: 'http://evil.example' })).status).toBe(403)
    expect((await api({ channel: 'app:bootstrap', arg: {} }, { 'content-type': 'text/plain' })).status).toBe(415)
  })

  it('answers the API with the handlers\' results, never a thrown error', async () => {
    const r = await api({ channel: 'app:bootstrap', arg: {} })
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { hello: '你好' } })
    expect(JSON.parse((await api({ channel: 'nope:nope', arg: {} })).body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    const bad = await send('/api/invoke', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{not json' })
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})
