import { describe, expect, it } from 'vitest'
import { formatInstant } from './format'

describe('times', () => {
  it("shows an instant of the browser in the bureau's time, like the backend's times", () => {
    expect(formatInstant('2026-11-28T18:48:05.123Z')).toBe('2026-11-29 02:48')
    expect(formatInstant('2026-11-28T10:00:00Z')).toBe('2026-11-28 18:00')
    expect(formatInstant('garbage')).toBe('')
  })
})
