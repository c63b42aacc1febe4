// What a screen must never show: the engine's and the code's own names. A token is suspect when it is camelCase
// (cremationCertificateFile), UPPER_SNAKE (HAS_SPOUSE), a bare upper-case code word (YOUFU, PASSED), true/false/null,
// a UUID or engine id, or a kebab-case code of three words or more (funeral-fee-reimbursement). Application numbers
// (BZB-20261207-0004), query codes and certificate numbers carry digits and are what people read aloud: not codes.
// A template left unrendered is a code too: a form text's {{decision}}, a message's {name} or ${name} placeholder.
const RULES = [
  ['camelCase', /\b[a-z]+[A-Z][A-Za-z0-9]*\b/g],
  ['UPPER_SNAKE', /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g],
  ['upper-case code', /\b[A-Z]{4,}\b/g],
  ['boolean', /\b(true|false|null|undefined|NaN)\b/g],
  ['uuid', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi],
  ['kebab code', /\b[a-z]+(?:-[a-z]+){2,}\b/g],
  ['kebab code as a label', /\b[a-z]+(?:-[a-z]+)+(?=\s*[:：])/g],
  ['definition id', /\b[\w-]+:\d+:[\w-]+\b/g],
  ['template token', /\{\{[^}]*\}\}|\$?\{\s*[A-Za-z_][\w.]*\s*\}|\{\{|\}\}/g],
]

/** Upper-case words people do read: file types and the percentiles' usual names. */
const ALLOWED = new Set(['BPMN', 'HTML', 'JSON', 'HTTP', 'HTTPS'])

/** The suspect tokens in a text, each with the rule it broke. */
export function codeTokens(text) {
  const found = []
  for (const [rule, pattern] of RULES) {
    for (const m of text.matchAll(pattern)) {
      if (rule === 'upper-case code' && ALLOWED.has(m[0])) continue
      found.push(`${m[0]} (${rule})`)
    }
  }
  return [...new Set(found)]
}
