/**
 * A decision table's cell (FEEL, as the engine reads it) in the reader's words, for the second administrator who
 * reviews a change: "-" is any value, true/false yes/no, quoted codes their names (the same words the case pages
 * use), a "not(...)" test "any but ...". Anything else (numbers, ranges, comparisons) reads as it is written.
 */
export interface CellWords {
  any: string
  yes: string
  no: string
  anyBut: (list: string) => string
  /** The name of a code, or undefined when there is none. */
  code: (code: string) => string | undefined
}

const QUOTED_LIST = /^\s*"[^"]*"(\s*,\s*"[^"]*")*\s*$/

export function readableCell(cell: string | null | undefined, words: CellWords): string {
  const text = (cell ?? '').trim()
  if (text === '' || text === '-') return words.any
  if (text === 'true') return words.yes
  if (text === 'false') return words.no
  const not = text.match(/^not\s*\((.*)\)$/s)
  if (not) return words.anyBut(readableCell(not[1], words))
  if (QUOTED_LIST.test(text)) {
    return [...text.matchAll(/"([^"]*)"/g)].map((m) => words.code(m[1]) ?? m[1]).join('、')
  }
  return text
}
