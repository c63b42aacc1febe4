import { describe, expect, it } from 'vitest'
import type { Countdown } from '../api/types'
import { byUrgency, countdownText, countdownTone } from './countdown'

function clock(over: Partial<Countdown>): Countdown {
  return {
    state: 'ON_TIME', statutoryDue: '2026-12-10', remainingWorkingDays: 5, promisedState: null, promisedDue: null,
    promisedRemainingWorkingDays: null, paused: false, pausedWorkingDays: 0, stopped: false, warnings: [], ...over,
  }
}

describe('countdown colouring', () => {
  it('is green, yellow and red with the statutory state', () => {
    expect(countdownTone(clock({ state: 'ON_TIME' }))).toBe('success')
    expect(countdownTone(clock({ state: 'YELLOW' }))).toBe('warning')
    expect(countdownTone(clock({ state: 'RED' }))).toBe('danger')
  })

  it('is grey while the clock is paused or stopped, and without a clock', () => {
    expect(countdownTone(clock({ state: 'RED', paused: true }))).toBe('info')
    expect(countdownTone(clock({ state: 'RED', stopped: true }))).toBe('info')
    expect(countdownTone(null)).toBe('info')
    expect(countdownTone(undefined)).toBe('info')
  })

  it('says in words how many working days are left or overdue', () => {
    expect(countdownText(clock({ remainingWorkingDays: 3 }))).toEqual({ key: 'clock.remaining', days: 3 })
    expect(countdownText(clock({ remainingWorkingDays: 0 }))).toEqual({ key: 'clock.dueToday', days: 0 })
    expect(countdownText(clock({ state: 'RED', remainingWorkingDays: -2 }))).toEqual({ key: 'clock.overdue', days: 2 })
    expect(countdownText(clock({ paused: true, pausedWorkingDays: 4 }))).toEqual({ key: 'clock.paused', days: 4 })
    expect(countdownText(clock({ stopped: true })).key).toBe('clock.stopped')
    expect(countdownText(null).key).toBe('clock.none')
  })

  it('orders the most urgent first: overdue, then fewest days left, paused and clockless last', () => {
    const items = [
      { id: 'none', countdown: null },
      { id: 'five', countdown: clock({ remainingWorkingDays: 5 }) },
      { id: 'paused', countdown: clock({ paused: true, remainingWorkingDays: 1 }) },
      { id: 'overdue', countdown: clock({ state: 'RED', remainingWorkingDays: -1 }) },
      { id: 'two-early', countdown: clock({ remainingWorkingDays: 2, statutoryDue: '2026-12-01' }) },
      { id: 'two-late', countdown: clock({ remainingWorkingDays: 2, statutoryDue: '2026-12-03' }) },
    ]
    expect(byUrgency(items).map((i) => i.id)).toEqual(['overdue', 'two-early', 'two-late', 'five', 'paused', 'none'])
  })
})
