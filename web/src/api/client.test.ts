import { describe, expect, it, vi } from 'vitest'
import { ApiError, createClient, readCookie } from './client'

function response(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  const text = body === undefined ? '' : JSON.stringify(body)
  return new Response(status === 204 ? null : text, {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  })
}

describe('the API client', () => {
  it('reads the CSRF cookie among others', () => {
    expect(readCookie('XSRF-TOKEN', 'JSESSIONID=abc; XSRF-TOKEN=t%2Dk1; other=1')).toBe('t-k1')
    expect(readCookie('XSRF-TOKEN', 'JSESSIONID=abc')).toBeNull()
    expect(readCookie('XSRF-TOKEN', 'XSRF-TOKEN=')).toBeNull()
  })

  it('echoes the CSRF token on changes only, and asks in the reader language', async () => {
    const fetch = vi.fn(async () => response(200, { ok: true }))
    const api = createClient({ fetch, cookies: () => 'XSRF-TOKEN=tok', language: () => 'en' })
    await api.get('/api/me')
    await api.post('/api/tasks/1/complete', { data: { decision: 'accept' } })
    const [getInit, postInit] = fetch.mock.calls.map((c) => (c as unknown as [string, RequestInit])[1])
    expect((getInit.headers as Record<string, string>)['X-XSRF-TOKEN']).toBeUndefined()
    expect((getInit.headers as Record<string, string>)['Accept-Language']).toBe('en')
    expect((getInit.headers as Record<string, string>)['X-Requested-With']).toBe('XMLHttpRequest')
    expect((postInit.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('tok')
    expect(postInit.body).toBe('{"data":{"decision":"accept"}}')
    expect(postInit.credentials).toBe('same-origin')
  })

  it('fetches a CSRF cookie first when there is none yet', async () => {
    let cookies = ''
    const fetch = vi.fn(async (path: RequestInfo | URL) => {
      if (String(path) === '/api/me') cookies = 'XSRF-TOKEN=fresh'
      return response(204)
    })
    const api = createClient({ fetch, cookies: () => cookies, language: () => 'zh-CN' })
    await api.post('/api/applications/X/withdraw')
    expect(fetch.mock.calls.map((c) => c[0])).toEqual(['/api/me', '/api/applications/X/withdraw'])
    const init = (fetch.mock.calls[1] as unknown as [string, RequestInit])[1]
    expect((init.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('fresh')
  })

  it('turns a problem response into an ApiError with the field errors and who holds a task', async () => {
    const fetch = vi.fn(async () =>
      response(409, { status: 409, detail: '该任务已由 陈明 办理', errors: [{ field: 'decision', message: 'required' }] }),
    )
    const api = createClient({ fetch, cookies: () => 'XSRF-TOKEN=t', language: () => 'zh-CN' })
    const error = (await api.post('/api/tasks/1/complete', {}).catch((e) => e)) as ApiError
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(409)
    expect(error.message).toBe('该任务已由 陈明 办理')
    expect(error.fieldErrors).toEqual([{ field: 'decision', message: 'required' }])
  })

  it('says in plain words what a lost connection, a bare 404 or 403 or a proxy error page means', async () => {
    const offline = createClient({ fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))), cookies: () => '', language: () => 'zh-CN' })
    const lost = (await offline.get('/api/tasks').catch((e) => e)) as ApiError
    expect(lost).toBeInstanceOf(ApiError)
    expect(lost.message).toBe('无法连接到平台，请检查网络连接后重试。')
    expect(lost.message).not.toMatch(/fetch/i)
    const bare = createClient({
      fetch: vi.fn(async () => response(404, { timestamp: 1, status: 404, error: 'Not Found', path: '/api/x' })),
      cookies: () => '',
      language: () => 'zh-CN',
    })
    const notFound = (await bare.get('/api/x').catch((e) => e)) as ApiError
    expect(notFound.status).toBe(404)
    expect(notFound.message).toMatch(/^未找到/)
    const html = createClient({
      fetch: vi.fn(async () => new Response('<html>Forbidden</html>', { status: 403, statusText: 'Forbidden', headers: { 'Content-Type': 'text/html' } })),
      cookies: () => '',
      language: () => 'en',
    })
    expect(((await html.get('/api/x').catch((e) => e)) as ApiError).message).toBe('You are not allowed to see or do this.')
  })

  it('asks to sign in again on 401 and repeats the call once', async () => {
    const answers = [response(401, { detail: 'sign in' }), response(200, { done: true })]
    const fetch = vi.fn(async () => answers.shift()!)
    const onUnauthenticated = vi.fn(async () => true)
    const api = createClient({ fetch, cookies: () => 'XSRF-TOKEN=t', language: () => 'zh-CN', onUnauthenticated })
    await expect(api.post('/api/tasks/1/complete', { data: { a: 1 } })).resolves.toEqual({ done: true })
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
    expect(fetch).toHaveBeenCalledTimes(2)
    expect((fetch.mock.calls[1] as unknown as [string, RequestInit])[1].body).toBe('{"data":{"a":1}}')
  })

  it('gives up with the 401 when the user does not sign in, and stays quiet when asked to', async () => {
    const fetch = vi.fn(async () => response(401, { detail: 'sign in' }))
    const onUnauthenticated = vi.fn(async () => false)
    const api = createClient({ fetch, cookies: () => '', language: () => 'zh-CN', onUnauthenticated })
    await expect(api.get('/api/tasks')).rejects.toMatchObject({ status: 401 })
    await expect(api.get('/api/me', { quiet401: true })).rejects.toMatchObject({ status: 401 })
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
  })

  it('returns nothing for 204', async () => {
    const fetch = vi.fn(async () => response(204))
    const api = createClient({ fetch, cookies: () => 'XSRF-TOKEN=t', language: () => 'zh-CN' })
    await expect(api.post('/api/tasks/next')).resolves.toBeUndefined()
  })
})
