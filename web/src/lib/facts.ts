/**
 * The engine's facts about a case (results of registry checks and DMN decisions, as process variables) in words:
 * a label for each variable in the reader's language, values as text, plumbing variables left out.
 */
export interface Fact {
  key: string
  label: string
  text: string
}

/**
 * Variables the page already shows elsewhere (number, service, district) or that mean nothing to a clerk: the
 * decision tables' deployment ids (ruleVersions) stay in the case's audit record, not on the screen; a place name's
 * approvedAt and filedAt are the periods' anchors made from the dates the forms recorded (decisionDate,
 * filingDate), which the table shows already under the same labels.
 */
/** The decision tables' versions a case keeps (policyVersion.<table>): the case page names them in a panel of their own. */
const POLICY_VERSION = 'policyVersion.'
const HIDDEN = new Set(['applicationNo', 'serviceCode', 'district', 'ruleVersions', 'approvedAt', 'filedAt'])

export interface FactWords {
  /** The translated label of a variable, or undefined when the dictionary has none. */
  label: (key: string) => string | undefined
  yes: string
  no: string
  /** Labels the forms give to fields of the same key (the task form's read-only fields, the start form). */
  formLabels?: Map<string, string>
  /** Words for a coded value (an option of a form field, a channel, a decision), or undefined. */
  value?: (key: string, value: string) => string | undefined
  /** An ISO-8601 duration (P30D, PT5M) in words. */
  duration?: (amount: number, unit: 'D' | 'H' | 'M') => string
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

/** Engine variables sometimes hold JSON as text (serialized lists of lines): read it as what it is. */
function parsed(value: unknown): unknown {
  if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return value
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}

export function factText(raw: unknown, words: FactWords, key = ''): string {
  const value = parsed(raw)
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return value ? words.yes : words.no
  if (Array.isArray(value)) return value.map((v) => factText(v, words, key)).join('\n')
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${factLabel(k, words)}: ${factText(v, words, k)}`)
      .join('; ')
  }
  const text = String(value)
  // An instant (2026-11-29T02:48:49.586+08:00) as the page shows times: date and minute, in the bureau's time.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return text.replace('T', ' ').slice(0, 16)
  const duration = /^P(?:(\d+)D|T(\d+)([HM]))$/.exec(text)
  if (duration && words.duration) {
    return duration[1] ? words.duration(Number(duration[1]), 'D') : words.duration(Number(duration[2]), duration[3] as 'H' | 'M')
  }
  return words.value?.(key, text) ?? text
}

/** The facts to show, labelled, in a stable order: checks that failed (false) first, then by label. */
export function describeFacts(facts: Record<string, unknown>, words: FactWords): Fact[] {
  return Object.entries(facts)
    .filter(([key, value]) => !HIDDEN.has(key) && !key.startsWith(POLICY_VERSION) && value !== null && value !== undefined)
    .map(([key, value]) => ({ key, label: factLabel(key, words), text: factText(value, words, key), failed: value === false }))
    .sort((a, b) => Number(b.failed) - Number(a.failed) || a.label.localeCompare(b.label))
    .map(({ key, label, text }) => ({ key, label, text }))
}
