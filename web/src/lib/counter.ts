import type { DivorcePeriods, Me, ServiceSummary } from '../api/types'

/** The roles that serve people at a counter (an applicant never starts a case for someone else). */
const STAFF_ROLES = ['clerk', 'chief', 'director']

/**
 * The services this member of staff starts at the counter for the people in front of them, as the catalogue says
 * (a starter role of theirs and, where the catalogue names queues, one of those): the backend checks the same.
 */
export function counterServices<T extends ServiceSummary>(services: T[], me: Me | null): T[] {
  if (!me) return []
  return services.filter(
    (s) =>
      s.starterRoles.some((r) => STAFF_ROLES.includes(r) && me.roles.includes(r)) &&
      (!s.starterGroups?.length || s.starterGroups.some((g) => me.groups.includes(g))),
  )
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))
  return Math.round((day(to) - day(from)) / 86_400_000)
}

/**
 * Where a divorce stands on the platform's day (Civil Code Art. 1077): not yet accepted (no periods), in the
 * cooling-off period (either party may withdraw), in the window after it (both must appear together to apply for
 * the certificate), or past the window (deemed withdrawn once the engine's timer fires). `daysLeft` counts the
 * days of the current period after today (0 on its last day).
 */
export type DivorcePhase =
  | { phase: 'notStarted' }
  | { phase: 'coolingOff'; endsOn: string; daysLeft: number; windowEndsOn: string | null }
  | { phase: 'window'; endsOn: string; daysLeft: number; coolingOffEndedOn: string }
  | { phase: 'lapsed'; endedOn: string }

export function divorcePhase(periods: DivorcePeriods | null, today: string): DivorcePhase {
  if (!periods?.coolingOffEndsOn) return { phase: 'notStarted' }
  const coolingOff = periods.coolingOffEndsOn
  if (today <= coolingOff) {
    return { phase: 'coolingOff', endsOn: coolingOff, daysLeft: daysBetween(today, coolingOff), windowEndsOn: periods.certificateWindowEndsOn }
  }
  const window = periods.certificateWindowEndsOn
  if (window && today <= window) {
    return { phase: 'window', endsOn: window, daysLeft: daysBetween(today, window), coolingOffEndedOn: coolingOff }
  }
  return { phase: 'lapsed', endedOn: window ?? coolingOff }
}
