/**
 * The engine's facts about a case (results of registry checks and DMN decisions, as process variables) in words:
 * a label for each variable in the reader's language, values as text, plumbing variables left out.
 */
export interface Fact {
  key: string
  label: string
  text: string
}

/** Variables the page already shows elsewhere (number, service, district) or that mean nothing to a clerk. */
const HIDDEN = new Set(['applicationNo', 'serviceCode', 'district'])

export interface FactWords {
  /** The translated label of a variable, or undefined when the dictionary has none. */
  label: (key: string) => string | undefined
  yes: string
  no: string
  /** Labels the forms give to fields of the same key (the task form's read-only fields, the start form). */
  formLabels?: Map<string, string>
}

/** "waiverAmount" → "Waiver amount": the last resort for a variable no dictionary knows. */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase()
  return words ? words[0].toUpperCase() + words.slice(1) : key
}

export function factLabel(key: string, words: FactWords): string {
  return words.label(key) ?? words.formLabels?.get(key) ?? humanize(key)
}

export function factText(value: unknown, words: FactWords): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return value ? words.yes : words.no
  if (Array.isArray(value)) return value.map((v) => factText(v, words)).join('\n')
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${factLabel(k, words)}: ${factText(v, words)}`)
      .join('; ')
  }
  return String(value)
}

/** The facts to show, labelled, in a stable order: checks that failed (false) first, then by label. */
export function describeFacts(facts: Record<string, unknown>, words: FactWords): Fact[] {
  return Object.entries(facts)
    .filter(([key, value]) => !HIDDEN.has(key) && value !== null && value !== undefined)
    .map(([key, value]) => ({ key, label: factLabel(key, words), text: factText(value, words), failed: value === false }))
    .sort((a, b) => Number(b.failed) - Number(a.failed) || a.label.localeCompare(b.label))
    .map(({ key, label, text }) => ({ key, label, text }))
}
