/** Dates as the backend sends them (ISO, local time of the bureau) in a compact readable form. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  return iso.replace('T', ' ').slice(0, 16)
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : ''
}

/** Shows a form value in a table cell: lists joined, objects as key: value, booleans as ✓/✗. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return value ? '✓' : '✗'
  if (Array.isArray(value)) return value.map(formatValue).join('; ')
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${formatValue(v)}`)
      .join(', ')
  }
  return String(value)
}

/**
 * An instant the browser made (an ISO string in UTC, e.g. a draft's save time) as the bureau's local time
 * (Asia/Shanghai), like the times the backend sends: 2026-11-28T18:48:00Z → 2026-11-29 02:48.
 */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}

/** A catalogue limit in words: working days or calendar days, as the catalogue counts it; '—' when there is none. */
export function limitText(
  t: (key: string, named: Record<string, unknown>, plural: number) => string,
  limit: { days: number; unit: string } | null | undefined,
): string {
  return limit ? t(limit.unit === 'CALENDAR' ? 'catalogue.calendarDays' : 'catalogue.days', { days: limit.days }, limit.days) : '—'
}

/** A calendar day (ISO yyyy-mm-dd) as people write it: 2026年12月11日, or 11 December 2026 in English. */
export function formatDay(iso: string | null | undefined, language: string): string {
  if (!iso) return ''
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }).format(d)
}
