import type { FieldError, Problem } from './types'

/** A failed call, with the backend's problem detail (RFC 7807) when it sent one. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`)
    this.status = status
    this.problem = problem
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? []
  }
}

export const CSRF_COOKIE = 'XSRF-TOKEN'
export const CSRF_HEADER = 'X-XSRF-TOKEN'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function readCookie(name: string, cookieString: string): string | null {
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) {
      const value = decodeURIComponent(part.slice(eq + 1).trim())
      return value === '' ? null : value
    }
  }
  return null
}

export interface ClientOptions {
  fetch: typeof fetch
  /** The document's cookies (the CSRF token is in a cookie the script may read). */
  cookies: () => string
  /** zh-CN or en: the backend answers in this language. */
  language: () => string
  /**
   * Called on 401 (the session expired or nobody signed in). Resolves true once the user signed in again, and the
   * call is then repeated once; what the user typed stays where it was.
   */
  onUnauthenticated?: () => Promise<boolean>
}

export interface CallOptions {
  /** Extra headers, e.g. Idempotency-Key. */
  headers?: Record<string, string>
  /** Do not ask the user to sign in on 401 (e.g. "who am I?"). */
  quiet401?: boolean
}

/**
 * The single way the UI talks to the backend: session cookie, CSRF token echoed from the XSRF-TOKEN cookie on every
 * change, the reader's language, problem details turned into ApiError, and a second chance after signing in again.
 */
export function createClient(options: ClientOptions) {
  async function csrfToken(): Promise<string | null> {
    let token = readCookie(CSRF_COOKIE, options.cookies())
    if (!token) {
      // The backend sets the cookie on any response; a harmless GET fetches one.
      await options.fetch('/api/me', {
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      })
      token = readCookie(CSRF_COOKIE, options.cookies())
    }
    return token
  }

  async function send(method: string, path: string, body: unknown, call: CallOptions, retried: boolean): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      // No Basic challenge for us: a 401 opens the UI's own sign-in, not the browser's password prompt.
      'X-Requested-With': 'XMLHttpRequest',
      'Accept-Language': options.language() === 'en' ? 'en' : 'zh-CN',
      ...call.headers,
    }
    let payload: BodyInit | undefined
    if (body instanceof FormData || body instanceof URLSearchParams) {
      payload = body
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json'
      payload = JSON.stringify(body)
    }
    if (!SAFE_METHODS.has(method)) {
      const token = await csrfToken()
      if (token) headers[CSRF_HEADER] = token
    }
    let response: Response
    try {
      response = await options.fetch(path, { method, headers, body: payload, credentials: 'same-origin' })
    } catch {
      // The browser's own words ("Failed to fetch") mean nothing to a clerk: say what happened in the UI's language.
      throw new ApiError(0, { status: 0, title: plainMessage(0, options.language()) })
    }
    if (response.status === 401 && !retried && !call.quiet401 && options.onUnauthenticated) {
      if (await options.onUnauthenticated()) {
        return send(method, path, body, call, true)
      }
    }
    if (!response.ok) {
      throw new ApiError(response.status, await problemOf(response, options.language()))
    }
    return response
  }

  async function json<T>(method: string, path: string, body?: unknown, call: CallOptions = {}): Promise<T> {
    const response = await send(method, path, body, call, false)
    if (response.status === 204 || response.headers.get('Content-Length') === '0') {
      return undefined as T
    }
    const text = await response.text()
    return (text ? JSON.parse(text) : undefined) as T
  }

  return {
    get: <T>(path: string, call?: CallOptions) => json<T>('GET', path, undefined, call),
    post: <T>(path: string, body?: unknown, call?: CallOptions) => json<T>('POST', path, body ?? {}, call),
    put: <T>(path: string, body?: unknown, call?: CallOptions) => json<T>('PUT', path, body ?? {}, call),
    del: <T>(path: string, call?: CallOptions) => json<T>('DELETE', path, undefined, call),
    /** The raw response, e.g. an attachment to preview. */
    raw: (path: string, call: CallOptions = {}) => send('GET', path, undefined, call, false),
    /** A form post to a non-API address (the sign-in form), CSRF-protected like every change. */
    form: async (path: string, fields: Record<string, string>) => {
      const token = await csrfToken()
      return options.fetch(path, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Requested-With': 'XMLHttpRequest',
          ...(token ? { [CSRF_HEADER]: token } : {}),
        },
        body: new URLSearchParams(fields).toString(),
      })
    },
  }
}

export type Client = ReturnType<typeof createClient>

/**
 * What a failed call means, in the UI's language, for an answer without a problem detail of the platform's own
 * (no connection, a proxy's error page, a bare 404 or 403).
 */
export function plainMessage(status: number, language: string): string {
  const en = language === 'en'
  if (status === 0) return en ? 'The platform cannot be reached. Check the network connection and try again.' : '无法连接到平台，请检查网络连接后重试。'
  if (status === 403) return en ? 'You are not allowed to see or do this.' : '您没有查看或办理此项的权限。'
  if (status === 404) return en ? 'Not found: it may have been completed or removed, or the address is wrong.' : '未找到：该事项可能已办结或已撤销，或者地址有误。'
  if (status === 429) return en ? 'Too many requests. Please wait a moment and try again.' : '操作过于频繁，请稍候再试。'
  if (status >= 500) return en ? 'The platform could not answer just now. Please try again in a moment.' : '平台暂时无法响应，请稍后重试。'
  return en ? 'The request could not be completed. Please try again.' : '请求未能完成，请重试。'
}

async function problemOf(response: Response, language: string): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? ''
  try {
    if (type.includes('json')) {
      const problem = (await response.json()) as Problem
      // Only the platform's own problem details are worded for people; anything else gets a plain sentence.
      if (problem && typeof problem === 'object' && (problem.detail || (problem.errors?.length ?? 0) > 0)) return problem
      return { ...(problem && typeof problem === 'object' ? problem : {}), status: response.status, title: plainMessage(response.status, language), detail: undefined }
    }
  } catch {
    // not JSON after all
  }
  return { status: response.status, title: plainMessage(response.status, language) }
}
