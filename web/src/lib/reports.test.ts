import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client'
import { chartHeight, csvName, onlineParts, cycleTimeOption, cycleTimeUnit, filtersFromQuery, filtersToQuery, lastDays, optional, percent, reportQuery, slaOption, type CycleTimeReport, type SlaReport } from './reports'

const stats = (count: number, median: number, max = median) => ({ count, mean: median, median, p90: max, p95: max, max })
const t = (k: string) => k

describe('the dashboard reports', () => {
  it('puts only the filters that are set into the query', () => {
    expect(reportQuery({ from: '2026-11-01', to: '2026-11-30', service: '', district: 'xiaolan' }, { period: 'week' }))
      .toBe('?from=2026-11-01&to=2026-11-30&district=xiaolan&period=week')
    expect(reportQuery({ service: '' })).toBe('')
  })

  it('treats a report the server does not have as absent, and any other failure as an error', async () => {
    expect(await optional(() => Promise.reject(new ApiError(404, { status: 404 })))).toBeNull()
    await expect(optional(() => Promise.reject(new ApiError(403, { status: 403 })))).rejects.toThrow()
    expect(await optional(() => Promise.resolve(7))).toBe(7)
  })

  it('charts cycle time in working days, or in hours when every case took less than a working day', () => {
    const sameDay: CycleTimeReport = {
      services: [
        { serviceCode: 'a', elapsedHours: stats(2, 3.5), workingDays: stats(2, 0), pausedWorkingDays: stats(2, 0) },
        { serviceCode: 'b', elapsedHours: stats(0, 0), workingDays: stats(0, 0), pausedWorkingDays: stats(0, 0) },
      ],
      total: { serviceCode: '*', elapsedHours: stats(2, 3.5), workingDays: stats(2, 0), pausedWorkingDays: stats(2, 0) },
    }
    expect(cycleTimeUnit(sameDay)).toBe('hours')
    const option = cycleTimeOption(sameDay, (c) => `name-${c}`, t)
    expect(option.yAxis.data).toEqual(['name-a'])
    expect(option.series[1].data).toEqual([3.5])
    expect(option.xAxis.name).toBe('reports.hours')
    sameDay.services[0].workingDays = stats(2, 4, 9)
    expect(cycleTimeUnit(sameDay)).toBe('workingDays')
  })

  it('stacks the statutory SLA as on time, yellow and red per service with decided cases', () => {
    const c = (onTime: number, red: number) => ({ cases: onTime + red, onTime, yellow: 0, red, onTimeShare: onTime / (onTime + red || 1) })
    const report: SlaReport = {
      services: [
        { serviceCode: 'a', withClock: 3, statutory: c(2, 1), promised: c(2, 1) },
        { serviceCode: 'b', withClock: 0, statutory: c(0, 0), promised: c(0, 0) },
      ],
      total: { serviceCode: '*', withClock: 3, statutory: c(2, 1), promised: c(2, 1) },
    }
    const option = slaOption(report, (x) => x, t)
    expect(option.series.map((s) => s.data)).toEqual([[2], [0], [1]])
    expect(percent(2 / 3)).toBe('66.7%')
    expect(percent(null)).toBe('—')
  })

  it('names CSV files after the report and its filters, and defaults to the last 30 days in Shanghai', () => {
    expect(csvName('sla', { from: '2026-11-01', to: '2026-11-30', service: 'funeral-fee-waiver' })).toBe('sla_2026-11-01_2026-11-30_funeral-fee-waiver.csv')
    expect(lastDays(30, new Date('2026-11-28T18:00:00Z'))).toEqual({ from: '2026-10-31', to: '2026-11-29' })
  })
})

describe('the dashboard filters in the address', () => {
  it('reads them back, and falls back to the last 30 days up to the platform day', () => {
    expect(filtersFromQuery({ from: '2026-09-01', to: '2026-09-30', service: 'marriage-registration', district: 'xiaolan' }, '2026-12-07')).toEqual({
      from: '2026-09-01',
      to: '2026-09-30',
      service: 'marriage-registration',
      district: 'xiaolan',
    })
    expect(filtersFromQuery({}, '2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01', service: '', district: '' })
    expect(filtersFromQuery({ from: '2026-13-01x', to: '2026-01-01', service: 'DROP TABLE;' }, '2026-03-01')).toEqual({
      from: '2026-01-31',
      to: '2026-03-01',
      service: '',
      district: '',
    })
  })

  it('writes only the filters that are set', () => {
    expect(filtersToQuery({ from: '2026-09-01', to: '2026-09-30', service: '', district: 'xiaolan' })).toEqual({ from: '2026-09-01', to: '2026-09-30', district: 'xiaolan' })
  })
})

describe('the height of a chart by service', () => {
  it('grows with the services so that their names never overprint', () => {
    expect(chartHeight(1)).toBe(240)
    expect(chartHeight(9)).toBe(9 * 48 + 96)
    expect(chartHeight(9) - 96).toBeGreaterThanOrEqual(9 * 3 * 14)
  })
})

describe('what the online share is made of', () => {
  it('lists the parts in order, walk-ins last, leaving out the empty ones', () => {
    expect(onlineParts({ appliedOnline: 12, bookedOnline: 190, grantedWithoutApplication: 106, walkIns: 9 })).toEqual([
      { part: 'appliedOnline', n: 12 },
      { part: 'bookedOnline', n: 190 },
      { part: 'grantedWithoutApplication', n: 106 },
      { part: 'walkIns', n: 9 },
    ])
    expect(onlineParts({ appliedOnline: 3, bookedOnline: 0, grantedWithoutApplication: 0, walkIns: 1 })).toEqual([
      { part: 'appliedOnline', n: 3 },
      { part: 'walkIns', n: 1 },
    ])
  })
  it('has nothing to show for a row without its parts', () => {
    expect(onlineParts({})).toEqual([])
  })
})
