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
