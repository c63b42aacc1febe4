import { reactive } from 'vue'
import { createClient } from '../api/client'
import type { Me } from '../api/types'
import { currentLanguage } from '../i18n'

/**
 * Sign-in lives here and only here. The embedded mode signs in with the backend's form login (POST /login with the
 * CSRF token) and keeps Spring's session cookie; the Keycloak mode will instead send the browser to the backend's
 * OAuth2 login (set `mode` to 'redirect'), and nothing else in the UI changes.
 */
export const signIn = {
  mode: 'form' as 'form' | 'redirect',
  redirectUrl: '/oauth2/authorization/keycloak',
}

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
    window.location.assign(signIn.redirectUrl)
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

export async function loadMe(): Promise<Me | null> {
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
    window.location.assign(signIn.redirectUrl)
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
    await api.form('/logout', {})
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
