import { ApiError } from '../api/client'

/**
 * The managers' reports (/api/reports/*) as the dashboard reads them: the filters as a query string, the answers'
 * shapes, and the chart options. Reports newer than the backend (backlog, quality, the per-step and per-clerk cycle
 * times) are optional: a 404 means "not available on this server", never an invented number.
 */
export interface Filters {
  from: string
  to: string
  service: string
  district: string
}

export interface Stats {
  count: number
  mean: number | null
  median: number | null
  p90: number | null
  p95: number | null
  max: number | null
}

export interface CycleTimeRow {
  serviceCode: string
  elapsedHours: Stats
  workingDays: Stats
  pausedWorkingDays: Stats
}
export interface CycleTimeReport {
  services: CycleTimeRow[]
  total: CycleTimeRow
}

export interface Compliance {
  cases: number
  onTime: number
  yellow: number
  red: number
  onTimeShare: number | null
}
export interface SlaRow {
  serviceCode: string
  withClock: number
  statutory: Compliance
  promised: Compliance
}
export interface SlaReport {
  services: SlaRow[]
  total: SlaRow
  overdueTotal?: number
  overdue?: unknown[]
}

export interface ThroughputReport {
  rows: { period: string; received: number; decided: number; withdrawn: number }[]
}

export interface BacklogRow {
  serviceCode?: string
  district?: string
  status?: string
  taskName?: string
  queue?: string
  total: number
  unassigned?: number
  byAge: number[]
}
export interface BacklogReport {
  asOf: string
  ageBuckets: string[]
  cases: { total: number; byService: BacklogRow[]; byDistrict: BacklogRow[]; byStatus?: BacklogRow[] }
  tasks?: { total: number; unassigned: number; byStep: BacklogRow[]; byQueue: BacklogRow[] }
}

export interface QualityRow {
  serviceCode: string
  received: number
  online?: number
  onlineShare: number | null
  appliedOnline?: number
  bookedOnline?: number
  grantedWithoutApplication?: number
  walkIns?: number
  ended: number
  correctionRate: number | null
  firstTimeRight: number | null
  withdrawalRate: number | null
  refusalRate: number | null
}
export interface RatingRow {
  serviceCode: string
  rated: number
  levels: Record<string, number>
  averageLevel: number | null
  bad: number
  badShare: number | null
  defaulted: number
  defaultShare: number | null
  openWorkOrders: number
}
export interface QualityReport {
  services: QualityRow[]
  total: QualityRow
  ratings?: { available: boolean; services: RatingRow[]; total: RatingRow }
}

export interface BreakdownGroup {
  key: string
  label: string | null
  serviceCode?: string | null
  elapsedHours: Stats
  workingDays: Stats
}
export interface BreakdownReport {
  by: string
  groups: BreakdownGroup[]
  total: BreakdownGroup
}

export interface AnnualRow {
  serviceCode: string
  received: number
  decided: number
  outcomes: Record<string, number>
  online?: number
  onlineShare: number | null
  appliedOnline?: number
  bookedOnline?: number
  grantedWithoutApplication?: number
  walkIns?: number
  nonLocal?: number
  waivers: number
  waivedAmount: number
}
export interface AnnualReport {
  year: number
  services: AnnualRow[]
  total: AnnualRow
  bureau?: { lines: { key: string; zh: string; en: string; value: number }[] }
}

/** The query string of a report: only the filters that are set, plus the report's own parameters. */
export function reportQuery(filters: Partial<Filters>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries({ ...filters, ...extra })) {
    if (v) params.set(k, v)
  }
  const q = params.toString()
  return q ? `?${q}` : ''
}

/** A report the server may not have yet: null on 404 (or 501), the error otherwise. */
export async function optional<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load()
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 501)) return null
    throw e
  }
}

/** The bureau's calendar day (Asia/Shanghai), whatever the browser's time zone. */
export function isoDay(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d)
}

/** The default range: the last 30 days up to today. */
export function lastDays(days: number, today = new Date()): { from: string; to: string } {
  return { from: isoDay(new Date(today.getTime() - (days - 1) * 86400000)), to: isoDay(today) }
}

export const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? '—' : `${Math.round(Number(share) * 1000) / 10}%`

const num = (v: number | null | undefined) => (v === null || v === undefined ? 0 : Number(v))

export const COLORS = { blue: '#1f4e99', green: '#1e6b34', yellow: '#b36b00', red: '#b3261e', grey: '#5f6368', teal: '#00707a' }

/** What every bar chart of the dashboard shares: no animation, axis tooltip, legend below, labels inside the grid. */
const barBase = () => ({
  animation: false,
  tooltip: { trigger: 'axis' },
  legend: { bottom: 0 },
  grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
})

/**
 * Mean, median, p90 and p95 per service (services without decided cases left out), in working days; in hours when
 * every case was decided within its first working day (all working-day figures 0 would show an empty chart).
 */
export function cycleTimeUnit(report: CycleTimeReport): 'workingDays' | 'hours' {
  return report.services.some((r) => num(r.workingDays.max) > 0) ? 'workingDays' : 'hours'
}

export function cycleTimeOption(report: CycleTimeReport, name: (code: string) => string, t: (k: string) => string) {
  const rows = report.services.filter((r) => r.workingDays.count > 0)
  const unit = cycleTimeUnit(report)
  const stats = (r: CycleTimeRow) => (unit === 'hours' ? r.elapsedHours : r.workingDays)
  const series = (['mean', 'median', 'p90', 'p95'] as const).map((m, i) => ({
    name: t(`reports.${m}`),
    type: 'bar',
    data: rows.map((r) => num(stats(r)[m])),
    itemStyle: { color: [COLORS.blue, COLORS.teal, COLORS.yellow, COLORS.red][i] },
  }))
  return {
    ...barBase(),
    xAxis: { type: 'value', name: t(unit === 'hours' ? 'reports.hours' : 'reports.workingDays'), nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', data: rows.map((r) => name(r.serviceCode)), axisLabel: { width: 150, overflow: 'break', lineHeight: 14 } },
    series,
  }
}

/** Decided cases per service against the statutory limit: on time, yellow, red (stacked). */
export function slaOption(report: SlaReport, name: (code: string) => string, t: (k: string) => string) {
  const rows = report.services.filter((r) => r.statutory.cases > 0)
  const part = (key: 'onTime' | 'yellow' | 'red', color: string) => ({
    name: t(`reports.${key}`),
    type: 'bar',
    stack: 'statutory',
    data: rows.map((r) => r.statutory[key]),
    itemStyle: { color },
  })
  return {
    ...barBase(),
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => name(r.serviceCode)), axisLabel: { width: 150, overflow: 'break', lineHeight: 14 } },
    series: [part('onTime', COLORS.green), part('yellow', COLORS.yellow), part('red', COLORS.red)],
  }
}

/** Open cases per service by age (working days), stacked from the youngest to the oldest bucket. */
export function backlogOption(report: BacklogReport, name: (code: string) => string, t: (k: string, v?: Record<string, unknown>) => string) {
  const rows = report.cases.byService
  const palette = [COLORS.green, COLORS.teal, COLORS.blue, COLORS.yellow, COLORS.red, '#6a1b9a']
  return {
    ...barBase(),
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => name(r.serviceCode ?? '')), axisLabel: { width: 150, overflow: 'break', lineHeight: 14 } },
    series: report.ageBuckets.map((bucket, i) => ({
      name: t('reports.ageBucket', { bucket }),
      type: 'bar',
      stack: 'age',
      data: rows.map((r) => r.byAge[i] ?? 0),
      itemStyle: { color: palette[Math.min(i, palette.length - 1)] },
    })),
  }
}

export function throughputOption(report: ThroughputReport, t: (k: string) => string) {
  return {
    ...barBase(),
    xAxis: { type: 'category', data: report.rows.map((r) => r.period.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('reports.received'), type: 'bar', data: report.rows.map((r) => r.received), itemStyle: { color: COLORS.blue } },
      { name: t('reports.decided'), type: 'bar', data: report.rows.map((r) => r.decided), itemStyle: { color: COLORS.green } },
      { name: t('reports.withdrawn'), type: 'bar', data: report.rows.map((r) => r.withdrawn), itemStyle: { color: COLORS.grey } },
    ],
  }
}

/** The file name of a report's CSV export, e.g. sla_2026-11-01_2026-11-30.csv. */
export function csvName(report: string, filters: Partial<Filters>, extra: string[] = []): string {
  const parts = [report, filters.from, filters.to, filters.service, filters.district, ...extra].filter(Boolean)
  return `${parts.join('_').replace(/[^\w.-]+/g, '-')}.csv`
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const CODE = /^[a-z0-9-]{1,64}$/

/**
 * The dashboard's filters from its address (so a view can be bookmarked and shared); what is missing or malformed
 * falls back to the last 30 days up to the platform's today (`today`, yyyy-mm-dd from GET /api/calendar/today).
 */
export function filtersFromQuery(query: Record<string, unknown>, today: string): Filters {
  const text = (k: string) => (typeof query[k] === 'string' ? (query[k] as string) : '')
  const fallback = lastDays(30, new Date(`${today}T12:00:00+08:00`))
  let from = DAY.test(text('from')) ? text('from') : fallback.from
  let to = DAY.test(text('to')) ? text('to') : fallback.to
  if (from > to) [from, to] = [fallback.from, fallback.to]
  return { from, to, service: CODE.test(text('service')) ? text('service') : '', district: CODE.test(text('district')) ? text('district') : '' }
}

/** The filters as the address's query: the empty ones left out. */
export function filtersToQuery(filters: Filters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>
}

/**
 * The height of a chart with one row per service: each row gets room for its name over three lines (the axis
 * labels break at 150px), so that with every service shown no label prints over another.
 */
export function chartHeight(rows: number, min = 240): number {
  return Math.max(min, rows * 48 + 96)
}

/** How a report row's received cases reached the bureau: the parts of its online share, then the walk-ins. */
export const ONLINE_PARTS = ['appliedOnline', 'bookedOnline', 'grantedWithoutApplication', 'walkIns'] as const
export type OnlinePart = (typeof ONLINE_PARTS)[number]

/** The parts a row has (none for a server that does not send them), each with its count; zero parts left out. */
export function onlineParts(row: Partial<Record<OnlinePart, number>>): { part: OnlinePart; n: number }[] {
  return ONLINE_PARTS.filter((p) => typeof row[p] === 'number' && (row[p] as number) > 0).map((p) => ({ part: p, n: row[p] as number }))
}
