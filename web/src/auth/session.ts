import { reactive } from 'vue'
import { createClient } from '../api/client'
import type { Me } from '../api/types'
import { currentLanguage } from '../i18n'

/**
 * Sign-in lives here and only here. The backend says how browsers sign in (GET /api/public/sign-in): the embedded
 * mode takes user name and password on its form login (POST /login with the CSRF token); the Keycloak mode sends
 * the browser to the backend's OAuth2 login (backend-for-frontend: the tokens stay in the server's session), which
 * comes back to the start page; the page the user wanted is kept in sessionStorage and opened after the return.
 */
export const signIn = reactive({
  mode: 'form' as 'form' | 'redirect',
  redirectUrl: '/oauth2/authorization/keycloak',
  known: false,
})

const AFTER_SIGN_IN = 'civil.afterSignIn'

export const session = reactive({
  me: null as Me | null,
  loaded: false,
  /** Set while the "sign in again" dialog is open; resolved by it. */
  prompt: null as null | ((signedIn: boolean) => void),
})

/** The one API client of the app. A 401 opens the sign-in dialog and repeats the call once signed in. */
export const api = createClient({
  fetch: (input, init) => window.fetch(input, init),
  cookies: () => document.cookie,
  language: () => currentLanguage(),
  onUnauthenticated: () => askToSignIn(),
})

function askToSignIn(): Promise<boolean> {
  const wasSignedIn = session.me !== null
  if (!wasSignedIn && signIn.mode === 'redirect') {
    redirectToSignIn(currentPath())
    return Promise.resolve(false)
  }
  return new Promise((resolve) => {
    const previous = session.prompt
    session.prompt = (ok) => {
      previous?.(ok)
      resolve(ok)
    }
  })
}

function currentPath(): string {
  return window.location.pathname + window.location.search
}

/** Asks the backend once how browsers sign in; the form login when it cannot say (an older backend). */
export async function loadSignInMode(): Promise<void> {
  if (signIn.known) return
  try {
    const mode = await api.get<{ mode: string; url: string }>('/api/public/sign-in', { quiet401: true })
    if (mode?.mode === 'redirect' && mode.url?.startsWith('/')) {
      signIn.mode = 'redirect'
      signIn.redirectUrl = mode.url
    }
  } catch {
    // keep the form
  }
  signIn.known = true
}

/**
 * Keycloak mode: leave for the identity provider. `next` (a path of this app) is opened when the browser comes
 * back signed in; what the user typed is in sessionStorage (task forms) or localStorage (drafts) and survives.
 */
export function redirectToSignIn(next: string | null, storage: Storage = sessionStorage) {
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/signin')) {
    storage.setItem(AFTER_SIGN_IN, next)
  }
  window.location.assign(signIn.redirectUrl)
}

/** The page to open after coming back from the identity provider (once), if any. */
export function takeAfterSignIn(storage: Storage = sessionStorage): string | null {
  const next = storage.getItem(AFTER_SIGN_IN)
  storage.removeItem(AFTER_SIGN_IN)
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null
}

export async function loadMe(): Promise<Me | null> {
  await loadSignInMode()
  try {
    session.me = await api.get<Me>('/api/me', { quiet401: true })
  } catch {
    session.me = null
  }
  session.loaded = true
  return session.me
}

/** Form login against the backend; true when the session now belongs to `username`. */
export async function signInWithPassword(username: string, password: string): Promise<boolean> {
  if (signIn.mode === 'redirect') {
    redirectToSignIn(currentPath())
    return false
  }
  const response = await api.form('/login', { username, password })
  // Spring answers with a redirect: to /login?error on failure, elsewhere on success.
  if (response.url.includes('/login?error') || response.url.includes('error')) {
    return false
  }
  const me = await loadMe()
  return me !== null && me.id === username
}

export async function signOut(): Promise<void> {
  try {
    const response = await api.form('/logout', {})
    // Keycloak mode: the backend names the identity provider's logout page, which ends the single sign-on too.
    if (signIn.mode === 'redirect' && (response.headers.get('Content-Type') ?? '').includes('json')) {
      const { redirect } = (await response.json()) as { redirect?: string }
      if (redirect) window.location.assign(redirect)
    }
  } finally {
    session.me = null
  }
}

export function hasRole(role: string): boolean {
  return session.me?.roles.includes(role) ?? false
}

export const isStaff = () => ['clerk', 'chief', 'director'].some(hasRole)
export const isApplicant = () => hasRole('applicant')
export const isManager = () => ['manager', 'director'].some(hasRole)
