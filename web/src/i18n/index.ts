import { createI18n } from 'vue-i18n'
import zh from './zh-CN'
import en from './en'

const STORAGE_KEY = 'civil.language'

function initialLanguage(): 'zh-CN' | 'en' {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null
  return stored === 'en' ? 'en' : 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLanguage(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh, en },
})

export function currentLanguage(): string {
  return i18n.global.locale.value
}

/** Switches the language; the page reloads so that the backend's texts (forms, statuses) come in it too. */
export function setLanguage(language: 'zh-CN' | 'en') {
  localStorage.setItem(STORAGE_KEY, language)
  window.location.reload()
}
