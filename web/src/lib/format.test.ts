import { describe, expect, it } from 'vitest'
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
})

describe('days', () => {
  it('writes a calendar day as people do, in either language, whatever the browser\'s time zone', () => {
    expect(formatDay('2026-12-07', 'zh-CN')).toBe('2026年12月7日')
    expect(formatDay('2026-12-07', 'en')).toBe('7 December 2026')
    expect(formatDay(null, 'zh-CN')).toBe('')
  })
})
