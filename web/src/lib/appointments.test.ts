import { describe, expect, it } from 'vitest'
import { formKeys, freeTone, prefillFor, sortBookings, type Booking } from './appointments'

describe('appointments', () => {
  it('colours a band by the places left', () => {
    expect(freeTone({ band: 'am', from: '09:00', to: '12:00', capacity: 30, free: 0 })).toBe('danger')
    expect(freeTone({ band: 'am', from: '09:00', to: '12:00', capacity: 30, free: 3 })).toBe('warning')
    expect(freeTone({ band: 'am', from: '09:00', to: '12:00', capacity: 30, free: 4 })).toBe('success')
  })

  it('puts the bookings still to come first', () => {
    const b = (no: string, day: string, status: Booking['status']) => ({ bookingNo: no, day, status }) as Booking
    const sorted = sortBookings([b('1', '2026-06-01', 'CANCELLED'), b('2', '2026-06-03', 'BOOKED'), b('3', '2026-06-09', 'BOOKED'), b('4', '2026-06-05', 'NO_SHOW')])
    expect(sorted.map((x) => x.bookingNo)).toEqual(['3', '2', '4', '1'])
  })

  it('fills only the keys the form has', () => {
    const schema = { components: [{ key: 'appointmentNo' }, { type: 'group', components: [{ key: 'partyAName' }] }, { type: 'text' }] }
    expect(formKeys(schema)).toEqual(['appointmentNo', 'partyAName'])
    expect(prefillFor(formKeys(schema), { appointmentNo: 'YY1', partyAName: '陈', partyBPhone: '1', district: '' })).toEqual({ appointmentNo: 'YY1', partyAName: '陈' })
  })
})
