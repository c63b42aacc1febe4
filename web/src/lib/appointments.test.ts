import { describe, expect, it } from 'vitest'
import { formKeys, freeTone, placesInput, placesState, prefillFor, sortBookings, type Booking } from './appointments'

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

  it('tells a closed band from a full one and an open one', () => {
    const b = (capacity: number, booked: number) => ({ band: 'am', from: '09:00', to: '12:00', capacity, planned: 10, booked, free: capacity - booked })
    expect(placesState(b(0, 0))).toBe('closed')
    expect(placesState(b(3, 3))).toBe('full')
    expect(placesState(b(10, 3))).toBe('open')
  })

  it('sends a typed whole number as a number and anything else as typed', () => {
    expect(placesInput(' 12 ')).toBe(12)
    expect(placesInput('0')).toBe(0)
    expect(placesInput('十')).toBe('十')
    expect(placesInput('-1')).toBe('-1')
  })
})
