/** Appointments (预约) and the hall (叫号): what the backend's appointment module answers, and pure helpers. */

export interface BandView { band: string; from: string; to: string; capacity: number; free: number }
export interface DayView { day: string; special: string | null; open: boolean; reason: Reason | null; opensAt: string | null; bands: BandView[] }
export type Reason = 'TOO_SOON' | 'NOT_YET_RELEASED' | 'TOO_FAR' | 'CLOSED'
export interface Availability { service: string; office: string; days: DayView[] }
export interface ServiceOption { code: string; name: string; releaseAt: string; minDaysAhead: number; maxDaysAhead: number; cancelDaysBefore: number; bands: BandView[] }
export interface NamedOption { code: string; name: string }
export interface SpecialView { day: string; name: string; extra: number; opensAt: string | null }
export interface Options { services: ServiceOption[]; offices: NamedOption[]; specialDates: SpecialView[]; noShow: { count: number; withinDays: number; barDays: number } }
export type BookingStatus = 'BOOKED' | 'CANCELLED' | 'CHECKED_IN' | 'SERVED' | 'NO_SHOW'
export interface Booking {
  bookingNo: string; service: string; serviceName: string; office: string; officeName: string; day: string; band: string
  from: string | null; to: string | null; status: BookingStatus; cancellable: boolean; lastCancelDay: string | null
  partyAName: string; partyBName: string
}
export interface Party { name: string; idNumber: string; phone: string }
export interface Ticket {
  id: number; ticketNo: string; service: string; serviceName: string; office: string; officeName: string; bookingNo: string | null
  band: string | null; from: string | null; to: string | null; status: 'WAITING' | 'CALLED' | 'SERVED' | 'NO_SHOW'; counter: string | null
  issuedAt: string; calledAt: string | null; calls: number; waitingAhead: number
}
export interface Called { ticket: Ticket; prefill: Record<string, string> }
export interface Display { officeName: string; day: string; time: string; called: { ticketNo: string; counter: string; serviceName: string; calledAt: string }[]; waiting: { serviceName: string; waiting: number }[] }
export interface HallFigures {
  day: string
  services: { service: string; serviceName: string; tickets: number; appointments: number; walkIns: number; served: number; noShows: number; waiting: number; waitP50Minutes: number | null; waitP95Minutes: number | null }[]
}

/** How full a band looks: none left, a few left (a tenth or less), or plenty. */
export function freeTone(band: BandView): 'danger' | 'warning' | 'success' {
  if (band.free <= 0) return 'danger'
  return band.free * 10 <= band.capacity ? 'warning' : 'success'
}

/** A booking the applicant can still act on comes first, then the rest by day (latest first). */
export function sortBookings(list: Booking[]): Booking[] {
  const active = (b: Booking) => (b.status === 'BOOKED' || b.status === 'CHECKED_IN' ? 0 : 1)
  return [...list].sort((a, b) => active(a) - active(b) || (a.day < b.day ? 1 : a.day > b.day ? -1 : 0))
}

/** The keys of the check-in form a called ticket's facts go into: only those the form has (nothing else is typed in). */
export function prefillFor(formKeys: string[], prefill: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(prefill).filter(([k, v]) => formKeys.includes(k) && v != null && v !== ''))
}

/** The input keys of a form-js schema, nested groups included. */
export function formKeys(schema: { components?: unknown[] } | null | undefined): string[] {
  const out: string[] = []
  const walk = (components: unknown[] | undefined) => {
    for (const c of components ?? []) {
      const comp = c as { key?: string; components?: unknown[] }
      if (comp.key) out.push(comp.key)
      walk(comp.components)
    }
  }
  walk(schema?.components)
  return out
}

/** A registry office's places per day and band, as its chief sees them (GET /api/appointments/schedule). */
export interface BandPlaces { band: string; from: string; to: string; capacity: number; planned: number; booked: number; free: number }
export interface DayPlaces { day: string; special: string | null; released: boolean; opensAt: string | null; editable: boolean; bands: BandPlaces[] }
export interface Schedule { service: string; serviceName: string; office: string; officeName: string; from: string; to: string; maxPlaces: number; days: DayPlaces[] }
export interface CapacityChanged { service: string; office: string; day: string; band: string; before: number; places: BandPlaces }

/** What a band of the schedule is: closed (no places at all), full (all booked), or open with places left. */
export function placesState(b: BandPlaces): 'closed' | 'full' | 'open' {
  if (b.capacity === 0) return 'closed'
  return b.free <= 0 ? 'full' : 'open'
}

/** The number typed for the places: a whole number is sent as one, anything else as typed (the backend says why not). */
export function placesInput(text: string): number | string {
  const t = text.trim()
  return /^\d{1,9}$/.test(t) ? Number(t) : t
}
