import type { Countdown } from '../api/types'

/** Element Plus tag types: green, yellow, red, and grey for a clock that is paused or stopped. */
export type Tone = 'success' | 'warning' | 'danger' | 'info'

export function countdownTone(countdown: Countdown | null | undefined): Tone {
  if (!countdown || countdown.stopped || countdown.paused) return 'info'
  switch (countdown.state) {
    case 'RED':
      return 'danger'
    case 'YELLOW':
      return 'warning'
    default:
      return 'success'
  }
}

export interface CountdownText {
  /** i18n key */
  key: string
  days: number
}

/**
 * The words beside the colour (colour alone must never carry the meaning): days left, overdue, paused or stopped.
 */
export function countdownText(countdown: Countdown | null | undefined): CountdownText {
  if (!countdown) return { key: 'clock.none', days: 0 }
  if (countdown.stopped) return { key: 'clock.stopped', days: 0 }
  if (countdown.paused) return { key: 'clock.paused', days: countdown.pausedWorkingDays }
  const days = countdown.remainingWorkingDays ?? 0
  if (days < 0) return { key: 'clock.overdue', days: -days }
  if (days === 0) return { key: 'clock.dueToday', days: 0 }
  return { key: 'clock.remaining', days }
}

/** Most urgent first: least working time left, then the earliest statutory date; cases without a clock last. */
export function byUrgency<T extends { countdown: Countdown | null }>(items: T[]): T[] {
  const rank = (c: Countdown | null) =>
    !c || c.stopped ? Number.POSITIVE_INFINITY : c.paused ? Number.MAX_SAFE_INTEGER : (c.remainingWorkingDays ?? Number.MAX_SAFE_INTEGER)
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const byDays = rank(a.item.countdown) - rank(b.item.countdown)
      if (byDays !== 0 && !Number.isNaN(byDays)) return byDays
      const da = a.item.countdown?.statutoryDue ?? '9999'
      const db = b.item.countdown?.statutoryDue ?? '9999'
      return da < db ? -1 : da > db ? 1 : a.index - b.index
    })
    .map((x) => x.item)
}
