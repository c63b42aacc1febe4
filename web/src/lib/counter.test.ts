import { describe, expect, it } from 'vitest'
import type { DivorcePeriods, Me, ServiceSummary } from '../api/types'
import { counterServices, daysBetween, divorcePhase } from './counter'

function service(code: string, starterRoles: string[], starterGroups: string[] = []): ServiceSummary {
  return { code, name: code, kind: 'IMMEDIATE', channel: 'COUNTER', statutoryLimit: null, promisedLimit: null, starterRoles, starterGroups }
}

const catalogue = [
  service('funeral-fee-waiver', ['clerk', 'chief'], ['funeral-home']),
  service('funeral-fee-reimbursement', ['applicant']),
  service('marriage-registration', ['clerk', 'chief'], ['marriage-registrar']),
  service('divorce-registration', ['clerk', 'chief'], ['marriage-registrar']),
]

function me(roles: string[], groups: string[]): Me {
  return { id: 'x', name: 'x', roles, groups, districts: ['*'] }
}

describe('the services started at the counter', () => {
  it('are those of the registrar queue for a marriage registrar', () => {
    expect(counterServices(catalogue, me(['clerk'], ['marriage-registrar'])).map((s) => s.code)).toEqual([
      'marriage-registration',
      'divorce-registration',
    ])
  })

  it('are the waiver alone at the funeral home, and every counter service for a chief of all queues', () => {
    expect(counterServices(catalogue, me(['clerk'], ['funeral-home'])).map((s) => s.code)).toEqual(['funeral-fee-waiver'])
    expect(counterServices(catalogue, me(['chief'], ['funeral-home', 'marriage-registrar'])).map((s) => s.code)).toEqual([
      'funeral-fee-waiver',
      'marriage-registration',
      'divorce-registration',
    ])
  })

  it('are none for an applicant, a clerk of another queue or nobody signed in', () => {
    expect(counterServices(catalogue, me(['applicant'], []))).toEqual([])
    expect(counterServices(catalogue, me(['clerk'], ['funeral-review']))).toEqual([])
    expect(counterServices(catalogue, null)).toEqual([])
  })
})

describe('a divorce on the platform day', () => {
  const periods: DivorcePeriods = {
    applicationNo: 'LH-20261207-0001',
    coolingOffEndsAt: '2027-01-06T23:59:59',
    coolingOffEndsOn: '2027-01-06',
    certificateWindowEndsAt: '2027-02-05T23:59:59',
    certificateWindowEndsOn: '2027-02-05',
  }

  it('counts days across months and years', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1)
    expect(daysBetween('2027-01-06', '2026-12-07')).toBe(-30)
  })

  it('has no periods before acceptance', () => {
    expect(divorcePhase(null, '2026-12-07')).toEqual({ phase: 'notStarted' })
    expect(divorcePhase({ ...periods, coolingOffEndsOn: null, certificateWindowEndsOn: null }, '2026-12-07')).toEqual({ phase: 'notStarted' })
  })

  it('is in the cooling-off period up to and including its last day', () => {
    expect(divorcePhase(periods, '2026-12-07')).toMatchObject({ phase: 'coolingOff', daysLeft: 30, endsOn: '2027-01-06' })
    expect(divorcePhase(periods, '2027-01-06')).toMatchObject({ phase: 'coolingOff', daysLeft: 0 })
  })

  it('is in the certificate window from the next day to its last day, then lapsed', () => {
    expect(divorcePhase(periods, '2027-01-07')).toMatchObject({ phase: 'window', daysLeft: 29, endsOn: '2027-02-05' })
    expect(divorcePhase(periods, '2027-02-05')).toMatchObject({ phase: 'window', daysLeft: 0 })
    expect(divorcePhase(periods, '2027-02-06')).toEqual({ phase: 'lapsed', endedOn: '2027-02-05' })
  })
})
