import { describe, expect, it } from 'vitest'
import { readableCell, type CellWords } from './policyCells'

const words: CellWords = {
  any: '任意',
  yes: '是',
  no: '否',
  anyBut: (list) => `除${list}外`,
  code: (c) => ({ TEKUN: '特困人员', DIBAO: '低保对象', YOUFU: '优抚对象', UNIDENTIFIED: '无名遗体' } as Record<string, string>)[c],
}

describe('a decision table cell in words', () => {
  it('names codes, yes and no, and any value, never the engine\'s spelling', () => {
    expect(readableCell('"TEKUN","DIBAO","YOUFU"', words)).toBe('特困人员、低保对象、优抚对象')
    expect(readableCell('"UNIDENTIFIED"', words)).toBe('无名遗体')
    expect(readableCell('true', words)).toBe('是')
    expect(readableCell('false', words)).toBe('否')
    expect(readableCell('-', words)).toBe('任意')
    expect(readableCell('', words)).toBe('任意')
    expect(readableCell('not("TEKUN")', words)).toBe('除特困人员外')
  })

  it('reads numbers, ranges and unknown codes as written', () => {
    expect(readableCell('1540', words)).toBe('1540')
    expect(readableCell('[1..5]', words)).toBe('[1..5]')
    expect(readableCell('< 22', words)).toBe('< 22')
    expect(readableCell('"OTHER"', words)).toBe('OTHER')
  })
})
