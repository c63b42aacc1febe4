import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zh from '../i18n/zh-CN'
import en from '../i18n/en'
import { formatDay, formatInstant, limitText } from './format'

describe('times', () => {
  it("shows an instant of the browser in the bureau's time, like the backend's times", () => {
    expect(formatInstant('2026-11-28T18:48:05.123Z')).toBe('2026-11-29 02:48')
    expect(formatInstant('2026-11-28T10:00:00Z')).toBe('2026-11-28 18:00')
    expect(formatInstant('garbage')).toBe('')
  })
})

describe('limitText', () => {
  const t = (key: string, named: Record<string, unknown>, plural: number) => `${key}:${named.days}:${plural}`
  it('counts working or calendar days as the catalogue does', () => {
    expect(limitText(t, { days: 20, unit: 'WORKING' })).toBe('catalogue.days:20:20')
    expect(limitText(t, { days: 61, unit: 'CALENDAR' })).toBe('catalogue.calendarDays:61:61')
    expect(limitText(t, null)).toBe('—')
  })

  it('says a limit of no days as "decided on the day", not "0 working days", in either language', () => {
    const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zh, en } })
    const tr = i18n.global.t as unknown as (key: string, named: Record<string, unknown>, plural: number) => string
    expect(limitText(tr, { days: 0, unit: 'WORKING' })).toBe('当场办结')
    expect(limitText(tr, { days: 1, unit: 'WORKING' })).toBe('1 个工作日')
    expect(limitText(tr, { days: 20, unit: 'WORKING' })).toBe('20 个工作日')
    i18n.global.locale.value = 'en'
    expect(limitText(tr, { days: 0, unit: 'WORKING' })).toBe('decided on the day')
    expect(limitText(tr, { days: 1, unit: 'WORKING' })).toBe('1 working day')
    expect(limitText(tr, { days: 60, unit: 'CALENDAR' })).toBe('60 days')
  })
})

describe('days', () => {
  it('writes a calendar day as people do, in either language, whatever the browser\'s time zone', () => {
    expect(formatDay('2026-12-07', 'zh-CN')).toBe('2026年12月7日')
    expect(formatDay('2026-12-07', 'en')).toBe('7 December 2026')
    expect(formatDay(null, 'zh-CN')).toBe('')
  })
})
